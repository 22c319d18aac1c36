#include "core/json_read.h"

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

std::optional<std::string> text_problem(std::string_view s, const Rules& r, std::vector<std::string>& args) {
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
            std::string shown(name.substr(0, 40));
            return fail("err.field.unknown", {shown}, JsonPath{&path_, nullptr});
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
