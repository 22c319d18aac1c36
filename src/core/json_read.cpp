#include "core/json_read.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace linli {

std::string JsonPath::str() const {
    std::string out;
    if (parent) out = parent->str();
    if (name) {
        if (!out.empty()) out += '.';
        out += name;
    } else if (index >= 0) {
        out += '[' + std::to_string(index) + ']';
    }
    return out;
}

static std::string number_text(double d) {
    if (d == std::floor(d) && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
    std::string s = std::to_string(d);
    while (!s.empty() && s.back() == '0') s.pop_back();
    return s;
}

bool is_valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : 9;
        if (n == 9 || n >= s.size() - i) return false;  // a bad lead byte, or cut short
        // The second byte's range rules out overlong forms, code points past U+10FFFF and
        // the surrogates U+D800..U+DFFF (0xED 0xA0..0xBF), which no UTF-8 text may hold.
        unsigned lo = 0x80, hi = 0xBF;
        if (c == 0xE0) lo = 0xA0;
        else if (c == 0xED) hi = 0x9F;
        else if (c == 0xF0) lo = 0x90;
        else if (c == 0xF4) hi = 0x8F;
        for (std::size_t k = 1; k <= n; ++k) {
            auto b = static_cast<unsigned char>(s[i + k]);
            if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return false;
        }
        i += n + 1;
    }
    return true;
}

std::optional<std::string> text_problem(std::string_view s, const Rules& r, std::vector<std::string>& args) {
    // RapidJSON checks the file's raw bytes, but decodes an escaped lone surrogate
    // ("\udc00") into bytes that are not UTF-8: such text could be stored but never read
    // back, so it is refused here like any other bad text.
    if (!is_valid_utf8(s)) return "err.field.encoding";
    std::size_t chars = 0;
    for (unsigned char c : s) {
        if ((c & 0xC0) != 0x80) ++chars;
        if (c < 0x20 && !(r.multiline && (c == '\n' || c == '\t'))) return "err.field.control";
        if (c == 0x7F) return "err.field.control";
    }
    if (chars > r.max_len) {
        args = {std::to_string(r.max_len), std::to_string(chars)};
        return "err.field.too_long";
    }
    if (chars < r.min_len) return "err.field.empty";
    return std::nullopt;
}

void FieldReader::note(const char* name) {
    if (named_ < static_cast<int>(std::size(names_))) names_[named_++] = name;
}

void FieldReader::fail(std::string key, std::vector<std::string> args, const JsonPath& p) {
    if (!err_) err_ = make_error(std::move(key), std::move(args), p.str());
}

void FieldReader::finish() {
    if (err_ || obj_.MemberCount() == 0) return;
    // Each member must name a known field, and no name may appear twice.
    std::vector<bool> seen(named_, false);
    for (auto m = obj_.MemberBegin(); m != obj_.MemberEnd(); ++m) {
        std::string_view name(m->name.GetString(), m->name.GetStringLength());
        int found = -1;
        for (int i = 0; i < named_; ++i)
            if (name == names_[i]) found = i;
        if (found < 0) {
            if (!is_valid_utf8(name)) return fail("err.field.encoding", {}, JsonPath{&path_, nullptr});
            std::size_t cut = std::min<std::size_t>(name.size(), 40);
            while (cut < name.size() && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;  // whole characters
            return fail("err.field.unknown", {std::string(name.substr(0, cut))}, JsonPath{&path_, nullptr});
        }
        if (seen[found]) return fail("err.field.repeated", {std::string(name)}, JsonPath{&path_, nullptr});
        seen[found] = true;
    }
}

void FieldReader::check_text(const std::string& s, const Rules& r, const JsonPath& p) {
    std::vector<std::string> args;
    if (auto problem = text_problem(s, r, args)) fail(*problem, std::move(args), p);
    else if (r.id && !is_valid_id(s)) fail("err.field.id", {}, p);
}

void FieldReader::check_text(const LocalText& t, const Rules& r, const JsonPath& p) {
    Rules each = r;
    each.min_len = 0;
    check_text(t.zh, each, JsonPath{&p, "zh"});
    check_text(t.en, each, JsonPath{&p, "en"});
    if (r.min_len > 0 && t.empty()) fail("err.field.empty", {}, p);
}

void FieldReader::read_value(const rapidjson::Value& v, std::string& out, const Rules& r, const JsonPath& p) {
    if (!v.IsString()) return fail("err.field.type", {"type.text"}, p);
    out.assign(v.GetString(), v.GetStringLength());
    check_text(out, r, p);
}

void FieldReader::read_value(const rapidjson::Value& v, LocalText& out, const Rules& r, const JsonPath& p) {
    if (!v.IsObject()) return fail("err.field.type", {"type.localtext"}, p);
    Rules each = r;
    each.min_len = 0;
    FieldReader inner(v, p, err_);
    inner("zh", out.zh, each);
    inner("en", out.en, each);
    if (!err_) inner.finish();
    if (!err_ && r.min_len > 0 && out.empty()) fail("err.field.empty", {}, p);
}

void FieldReader::read_value(const rapidjson::Value& v, bool& out, const Rules&, const JsonPath& p) {
    if (!v.IsBool()) return fail("err.field.type", {"type.bool"}, p);
    out = v.GetBool();
}

void FieldReader::read_value(const rapidjson::Value& v, std::int64_t& out, const Rules& r, const JsonPath& p) {
    if (!v.IsInt64()) return fail("err.field.type", {"type.integer"}, p);
    out = v.GetInt64();
    if (static_cast<double>(out) < r.min || static_cast<double>(out) > r.max)
        fail("err.field.range", {number_text(r.min), number_text(r.max)}, p);
}

void FieldReader::read_value(const rapidjson::Value& v, std::int32_t& out, const Rules& r, const JsonPath& p) {
    std::int64_t wide = 0;
    read_value(v, wide, r, p);
    if (err_) return;
    if (wide < INT32_MIN || wide > INT32_MAX) return fail("err.field.range", {number_text(r.min), number_text(r.max)}, p);
    out = static_cast<std::int32_t>(wide);
}

void FieldReader::read_value(const rapidjson::Value& v, double& out, const Rules& r, const JsonPath& p) {
    if (!v.IsNumber()) return fail("err.field.type", {"type.number"}, p);
    out = v.GetDouble();
    if (!std::isfinite(out) || out < r.min || out > r.max)
        fail("err.field.range", {number_text(r.min), number_text(r.max)}, p);
}

}  // namespace linli
