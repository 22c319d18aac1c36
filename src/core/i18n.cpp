#include "core/i18n.h"

#include <rapidjson/document.h>

#include <cstdlib>

namespace linli {

Result<Strings> Strings::parse(std::string_view json) {
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseValidateEncodingFlag>(json.data(), json.size());
    if (doc.HasParseError() || !doc.IsObject()) return make_error("err.strings");
    Strings s;
    for (auto m = doc.MemberBegin(); m != doc.MemberEnd(); ++m) {
        if (!m->value.IsString()) return make_error("err.strings", {}, m->name.GetString());
        s.table_.emplace(std::string(m->name.GetString(), m->name.GetStringLength()),
                         std::string(m->value.GetString(), m->value.GetStringLength()));
    }
    return s;
}

const std::string& Strings::get(std::string_view key) const {
    auto it = table_.find(std::string(key));
    if (it != table_.end()) return it->second;
    return missing_.try_emplace(std::string(key), std::string(key)).first->second;
}

std::string Strings::format(std::string_view key, const std::vector<std::string>& args) const {
    const std::string& text = get(key);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{' && i + 2 < text.size() && text[i + 2] == '}' && text[i + 1] >= '0' && text[i + 1] <= '9') {
            std::size_t n = static_cast<std::size_t>(text[i + 1] - '0');
            if (n < args.size()) out += args[n];
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

Catalog::Catalog() {
    auto zh = Strings::parse(builtin_strings(Lang::zh));
    if (!zh) std::abort();  // the build embeds it; a broken table is a build bug
    zh_ = std::move(zh.value());
    if (builtin_strings(Lang::en).empty()) return;  // the browser fetches English
    auto en = Strings::parse(builtin_strings(Lang::en));
    if (!en) std::abort();
    set_english(std::move(en.value()));
}

std::string describe(const Error& e, const Strings& s) {
    // Arguments that are themselves keys ("type.list") are shown in the reader's language.
    std::vector<std::string> args;
    for (const auto& a : e.args) args.push_back(s.has(a) ? s.get(a) : a);
    std::string msg = s.format(e.key, args);
    if (!e.where.empty()) msg += s.format("err.where", {e.where});
    return msg;
}

}  // namespace linli
