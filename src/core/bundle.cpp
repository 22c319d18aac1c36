#include "core/bundle.h"

#include <rapidjson/error/error.h>

#include <algorithm>
#include <sstream>
#include <unordered_map>
#include <utility>

#include "core/json_read.h"
#include "core/notice_rules.h"
#include "core/poll_rules.h"
#include "core/reception_log.h"
#include "core/roster.h"

namespace linli {
namespace {

// Beyond each field's own rules: is the record as a whole well-formed?
std::optional<Error> check_whole(const Record& r) {
    if (const Poll* p = r.as<Poll>()) return check_poll(*p);
    if (const Notice* n = r.as<Notice>()) return check_notice(*n);
    if (const DutySlot* s = r.as<DutySlot>()) return check_slot(*s);
    if (const Reception* x = r.as<Reception>()) return check_reception(*x);
    return std::nullopt;
}

// Iterative parsing: a file nested 100,000 deep must not overflow the stack.
// Encoding validation: invalid UTF-8 is refused, not passed on to the screen.
constexpr unsigned kParseFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;

template <std::size_t... I>
Body make_body(std::size_t kind, std::index_sequence<I...>) {
    Body b;
    ((kind == I ? (void)b.emplace<I>() : void()), ...);
    return b;
}

Error parse_error(const rapidjson::Document& doc, std::string_view bytes) {
    std::size_t off = std::min(doc.GetErrorOffset(), bytes.size());
    std::size_t line = 1 + std::count(bytes.begin(), bytes.begin() + off, '\n');
    std::size_t nl = off == 0 ? std::string_view::npos : bytes.rfind('\n', off - 1);
    std::size_t col = off - (nl == std::string_view::npos ? 0 : nl + 1) + 1;
    std::vector<std::string> where{std::to_string(line), std::to_string(col)};
    switch (doc.GetParseError()) {
        case rapidjson::kParseErrorDocumentEmpty: return make_error("err.bundle.empty");
        case rapidjson::kParseErrorStringInvalidEncoding: return make_error("err.json.encoding", where);
        case rapidjson::kParseErrorNumberTooBig: return make_error("err.json.number", where);
        case rapidjson::kParseErrorDocumentRootNotSingular: return make_error("err.json.trailing", where);
        default: return make_error("err.json.syntax", where);
    }
}

std::optional<Error> read_record(const rapidjson::Value& v, const JsonPath& path, Record& out) {
    std::optional<Error> err;
    if (!v.IsObject()) return make_error("err.field.type", {"type.object"}, path.str());
    auto kind_it = v.FindMember("kind");
    if (kind_it == v.MemberEnd()) return make_error("err.record.no_kind", {}, path.str());
    FieldReader fr(v, path, err);
    Kind kind{};
    fr.read(kind_it->value, kind, {}, JsonPath{&path, "kind"});
    if (err) {
        err->key = "err.record.kind";
        return err;
    }
    fr.known("kind");
    std::string rev;
    fr("id", out.id, {.id = true});
    fr("rev", rev, {.min_len = 1, .max_len = 64});
    fr("deleted", out.deleted, {});
    if (err) return err;
    auto parsed = parse_rev(rev);
    if (!parsed) return make_error("err.record.rev", {}, JsonPath{&path, "rev"}.str());
    out.rev = std::move(*parsed);
    out.body = make_body(static_cast<std::size_t>(kind), std::make_index_sequence<kKindCount>{});
    std::visit([&](auto& body) { body.visit(fr); }, out.body);
    if (!err) fr.finish();
    return err;
}

void write_record_fields(FieldWriter& w, const Record& r) {
    w("id", r.id, {});
    w("kind", r.kind(), {});
    w("rev", to_string(r.rev), {});
    w("deleted", r.deleted, {});
    std::visit([&](const auto& body) { const_cast<std::remove_cvref_t<decltype(body)>&>(body).visit(w); }, r.body);
}

void write_records(cereal::JSONOutputArchive& ar, const char* name, const std::vector<Record>& records,
                   Scope scope) {
    ar.setNextName(name);
    ar.startNode();
    ar.makeArray();
    FieldWriter w(ar, scope);
    for (const auto& r : records) {
        // Residents' devices need neither ballots nor the household list: a poll's code
        // hashes are enough to check a code (records.h: CodeHash).
        if (scope == Scope::public_ && is_committee_only(r.kind())) continue;
        ar.startNode();
        write_record_fields(w, r);
        ar.finishNode();
    }
    ar.finishNode();
}

// cereal's JSON archive always pretty-prints (a line break between values, a space after
// each colon). Outside strings that is layout only, and it can make a merge of files the
// app reads one it refuses by size: it goes. Inside strings every byte stays.
std::string compact(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    bool in_string = false, escaped = false;
    for (char c : s) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            continue;
        } else if (c == '"') {
            in_string = true;
        }
        out += c;
    }
    return out;
}

}  // namespace

Result<Bundle> parse_bundle(std::string_view bytes) {
    if (bytes.size() > kMaxBundleBytes)
        return make_error("err.bundle.too_big", {std::to_string(kMaxBundleBytes >> 20)});
    Bundle b;
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        bytes.remove_prefix(3);
        b.had_bom = true;
    }
    if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) return make_error("err.bundle.empty");

    rapidjson::Document doc;
    doc.Parse<kParseFlags>(bytes.data(), bytes.size());
    if (doc.HasParseError()) return parse_error(doc, bytes);
    if (!doc.IsObject()) return make_error("err.bundle.not_linli");

    auto format = doc.FindMember("format");
    if (format == doc.MemberEnd() || !format->value.IsString() ||
        std::string_view(format->value.GetString(), format->value.GetStringLength()) != "linli-bundle")
        return make_error("err.bundle.not_linli");
    auto version = doc.FindMember("version");
    if (version == doc.MemberEnd() || !version->value.IsInt64() || version->value.GetInt64() < 1)
        return make_error("err.bundle.version");
    if (version->value.GetInt64() > kBundleVersion)
        return make_error("err.bundle.newer", {std::to_string(version->value.GetInt64()),
                                               std::to_string(kBundleVersion)});
    b.version = static_cast<int>(version->value.GetInt64());
    // Older versions would be migrated here, one step at a time; version 1 is the first.

    std::optional<Error> err;
    JsonPath root;
    FieldReader fr(doc, root, err);
    fr.known("format");
    fr.known("version");
    fr("community", b.community, {});
    fr("device", b.device, {.min_len = 1, .max_len = 32});
    fr("exported_at", b.exported_at, {.min = 0, .max = 1e14});
    fr("scope", b.scope, {});
    fr.known("records");
    fr.known("conflicts");
    if (!err) fr.finish();
    if (err) return *err;
    if (!is_valid_device_id(b.device)) return make_error("err.field.device", {}, "device");
    if (doc.FindMember("community") == doc.MemberEnd()) return make_error("err.field.empty", {}, "community");

    for (const char* list : {"records", "conflicts"}) {
        auto it = doc.FindMember(list);
        if (it == doc.MemberEnd()) continue;
        JsonPath lp{&root, list};
        if (!it->value.IsArray()) return make_error("err.field.type", {"type.list"}, lp.str());
        if (it->value.Size() > kMaxBundleRecords)
            return make_error("err.field.too_many", {std::to_string(kMaxBundleRecords)}, lp.str());
        auto& out = list[0] == 'r' ? b.records : b.conflicts;
        out.resize(it->value.Size());
        for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
            JsonPath rp{&lp, nullptr, static_cast<long>(i)};
            if (auto e = read_record(it->value[i], rp, out[i])) return *e;
            // Beyond each field's own rules: is the record as a whole well-formed?
            if (auto e = check_whole(out[i])) {
                e->where = rp.str() + (e->where.empty() ? "" : "." + e->where);
                return *e;
            }
        }
    }

    // Within one file an id names one record. Exact repeats are harmless; different
    // bodies under one id mean the file was edited or broken.
    std::unordered_map<std::string_view, std::size_t> seen;
    seen.reserve(b.records.size());
    std::vector<Record> unique;
    unique.reserve(b.records.size());
    for (std::size_t i = 0; i < b.records.size(); ++i) {
        auto [it, fresh] = seen.emplace(b.records[i].id, i);
        if (fresh) continue;
        if (!(b.records[it->second] == b.records[i]))
            return make_error("err.bundle.duplicate", {b.records[i].id}, "records[" + std::to_string(i) + "]");
        b.records[i].id.clear();  // marks the repeat for removal
    }
    std::erase_if(b.records, [](const Record& r) { return r.id.empty(); });
    for (std::size_t i = 0; i < b.records.size(); ++i) {
        const Record& r = b.records[i];
        if (r.kind() == Kind::community && r.id != b.community.id)
            return make_error("err.bundle.community_mismatch", {}, "records[" + std::to_string(i) + "]");
    }
    return b;
}

std::string write_bundle(const Bundle& b) {
    std::ostringstream os;
    {
        cereal::JSONOutputArchive ar(os, cereal::JSONOutputArchive::Options::NoIndent());
        FieldWriter w(ar, b.scope);
        w("format", std::string("linli-bundle"), {});
        w("version", kBundleVersion, {});
        w("community", b.community, {});
        w("device", b.device, {});
        w("exported_at", b.exported_at, {});
        w("scope", b.scope, {});
        write_records(ar, "records", b.records, b.scope);
        if (b.scope == Scope::committee && !b.conflicts.empty()) write_records(ar, "conflicts", b.conflicts, b.scope);
    }
    return compact(os.str());
}

Result<std::string> write_readable_bundle(const Bundle& b) {
    std::string bytes = write_bundle(b);
    if (bytes.size() > kMaxBundleBytes) {
        auto mb = [](std::size_t n) { return std::to_string((n + (1u << 20) - 1) >> 20); };
        return make_error("err.bundle.too_big_to_write", {mb(bytes.size()), mb(kMaxBundleBytes)});
    }
    return bytes;
}

std::string canonical_json(const Record& r) {
    std::ostringstream os;
    {
        cereal::JSONOutputArchive ar(os, cereal::JSONOutputArchive::Options::NoIndent());
        FieldWriter w(ar, Scope::committee);
        write_record_fields(w, r);
    }
    return compact(os.str());
}

std::optional<Error> check_fields(const Record& r) {
    auto back = parse_record(canonical_json(r));
    if (!back) return back.error();
    return check_whole(r);
}

Result<Record> parse_record(std::string_view json) {
    rapidjson::Document doc;
    doc.Parse<kParseFlags>(json.data(), json.size());
    if (doc.HasParseError()) return parse_error(doc, json);
    Record r;
    JsonPath root;
    if (auto e = read_record(doc, root, r)) return *e;
    return r;
}

}  // namespace linli
