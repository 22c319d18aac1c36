// Any struct with a visit() field list, to and from a JSON object of its own.
#pragma once
#include <sstream>
#include <string>
#include <string_view>

#include "core/json_read.h"
#include "core/json_write.h"

namespace linli {

template <class T>
Result<T> parse_object(std::string_view json) {
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag>(json.data(), json.size());
    if (doc.HasParseError() || !doc.IsObject()) return make_error("err.json.syntax", {"1", "1"});
    T out;
    std::optional<Error> err;
    JsonPath root;
    FieldReader fr(doc, root, err);
    out.visit(fr);
    if (!err) fr.finish();
    if (err) return *err;
    return out;
}

template <class T>
std::string write_object(const T& value) {
    std::ostringstream os;
    {
        cereal::JSONOutputArchive ar(os, cereal::JSONOutputArchive::Options::NoIndent());
        FieldWriter w(ar, Scope::committee);
        const_cast<T&>(value).visit(w);
    }
    return os.str();
}

}  // namespace linli
