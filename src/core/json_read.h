// Reads a record's fields from a parsed JSON object, checking each against its Rules.
// The first problem found becomes an Error naming the field's path in the file.
#pragma once
#include <rapidjson/document.h>

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "core/error.h"
#include "core/records.h"

namespace linli {

// Where a value sits in the file; turned into text only when there is an error.
struct JsonPath {
    const JsonPath* parent = nullptr;
    const char* name = nullptr;  // member name, or null for an array element
    long index = -1;
    std::string str() const;
};

template <class T, class = void> struct has_visit : std::false_type {};
template <class T>
struct has_visit<T, std::void_t<decltype(std::declval<T&>().visit(std::declval<int&>()))>> : std::true_type {};

class FieldReader {
public:
    FieldReader(const rapidjson::Value& obj, const JsonPath& path, std::optional<Error>& err)
        : obj_(obj), path_(path), err_(err) {}

    // Envelope fields read elsewhere count as known.
    void known(const char* name) { note(name); }

    template <class T> void operator()(const char* name, T& out, const Rules& rules) {
        if (err_) return;
        note(name);
        auto it = obj_.FindMember(name);
        if (it == obj_.MemberEnd()) {  // absent: the default value, then its rules apply
            if constexpr (!is_optional<T>::value) check_default(out, rules, JsonPath{&path_, name});
            return;
        }
        read(it->value, out, rules, JsonPath{&path_, name});
    }

    // After visit(): every member of the object must have been a known field, once.
    void finish();

    template <class T> void read(const rapidjson::Value& v, T& out, const Rules& r, const JsonPath& p) {
        if constexpr (is_optional<T>::value) {
            if (v.IsNull()) { out.reset(); return; }
            out.emplace();
            read(v, *out, r, p);
        } else if constexpr (is_vector<T>::value) {
            if (!v.IsArray()) return fail("err.field.type", {"type.list"}, p);
            if (v.Size() > r.max_items) return fail("err.field.too_many", {std::to_string(r.max_items)}, p);
            out.clear();
            out.resize(v.Size());
            for (rapidjson::SizeType i = 0; i < v.Size() && !err_; ++i)
                read(v[i], out[i], r, JsonPath{&p, nullptr, static_cast<long>(i)});
        } else if constexpr (std::is_enum_v<T>) {
            read_enum(v, out, p);
        } else if constexpr (has_visit<T>::value) {
            if (!v.IsObject()) return fail("err.field.type", {"type.object"}, p);
            FieldReader inner(v, p, err_);
            out.visit(inner);
            if (!err_) inner.finish();
        } else {
            read_value(v, out, r, p);
        }
    }

private:
    template <class T> struct is_optional : std::false_type {};
    template <class T> struct is_optional<std::optional<T>> : std::true_type {};
    template <class T> struct is_vector : std::false_type {};
    template <class T> struct is_vector<std::vector<T>> : std::true_type {};

    void note(const char* name);
    void fail(std::string key, std::vector<std::string> args, const JsonPath& p);

    void read_value(const rapidjson::Value& v, std::string& out, const Rules& r, const JsonPath& p);
    void read_value(const rapidjson::Value& v, LocalText& out, const Rules& r, const JsonPath& p);
    void read_value(const rapidjson::Value& v, bool& out, const Rules& r, const JsonPath& p);
    void read_value(const rapidjson::Value& v, std::int32_t& out, const Rules& r, const JsonPath& p);
    void read_value(const rapidjson::Value& v, std::int64_t& out, const Rules& r, const JsonPath& p);
    void read_value(const rapidjson::Value& v, double& out, const Rules& r, const JsonPath& p);

    template <class E> void read_enum(const rapidjson::Value& v, E& out, const JsonPath& p) {
        if (v.IsString()) {
            if (auto e = enum_from<E>(std::string_view(v.GetString(), v.GetStringLength()))) {
                out = *e;
                return;
            }
        }
        std::string allowed;
        for (auto n : EnumNames<E>::names) allowed += (allowed.empty() ? "" : ", ") + std::string(n);
        fail("err.field.enum", {allowed}, p);
    }

    // A missing field holds its default; strings and texts must still meet their rules.
    template <class T> void check_default(T& out, const Rules& r, const JsonPath& p) {
        if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, LocalText>) {
            check_text(out, r, p);
        }
    }
    void check_text(const std::string& s, const Rules& r, const JsonPath& p);
    void check_text(const LocalText& t, const Rules& r, const JsonPath& p);

    const rapidjson::Value& obj_;
    const JsonPath& path_;
    std::optional<Error>& err_;
    const char* names_[24] = {};
    int named_ = 0;
};

// Whether bytes are well-formed UTF-8 (no surrogates, no overlong forms).
bool is_valid_utf8(std::string_view s);

// Checks a UTF-8 string for a text field: length in characters, control characters.
std::optional<std::string> text_problem(std::string_view s, const Rules& r, std::vector<std::string>& args);

}  // namespace linli
