// linli: the committee's command-line tool over the same core as the app.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "core/bundle.h"
#include "core/clock_drift.h"
#include "core/dataset.h"
#include "core/i18n.h"
#include "core/ical.h"
#include "core/poll_rules.h"
#include "core/reception_log.h"
#include "core/report_words.h"
#include "core/schema.h"
#include "core/tally.h"
#include "store/files.h"
#include "store/store.h"

namespace {

const char* kUsage =
    "usage:\n"
    "  linli validate FILE...      check bundles as the app's import would (now); exit 1 if any is refused\n"
    "  linli merge OUT FILE...     merge bundles into one (committee scope) at OUT; refused as validate refuses\n"
    "  linli stats FILE|DIR        what a bundle, or a store's directory (read, never written), holds,\n"
    "                              as JSON; for a store also skipped_entries (damaged journal lines) and\n"
    "                              notes (damaged files, what was recovered)\n"
    "  linli tally FILE POLL_ID    a poll's tally as JSON (Civil Code art. 278 for decisions)\n"
    "  linli csv FILE POLL_ID [zh|en]  a poll's answers, one row per response (UTF-8 with BOM)\n"
    "  linli ics FILE [NOTICE_ID] [zh|en]  the events of every notice and the duty roster (or one\n"
    "                              notice's event) as iCalendar\n"
    "  linli csv FILE receptions [zh|en]  the reception log (committee bundles), UTF-8 with BOM\n"
    "  linli terms FILE POLL_ID    the fingerprint of a poll's rules, which its ballots carry\n"
    "  linli schema                the bundle format as a JSON Schema\n";

const linli::Strings& en() {
    static linli::Catalog catalog;
    return catalog.in(linli::Lang::en);
}

std::int64_t now_ms() { return static_cast<std::int64_t>(std::time(nullptr)) * 1000; }

// Reads and checks one bundle; prints why it is refused.
std::optional<linli::Bundle> load(const std::string& path) {
    auto bytes = linli::store::read_file_limited(path, linli::kMaxBundleBytes);
    if (!bytes) {
        std::fprintf(stderr, "%s: refused: %s\n", path.c_str(), linli::describe(bytes.error(), en()).c_str());
        return std::nullopt;
    }
    auto b = linli::parse_bundle(*bytes);
    if (!b) {
        std::fprintf(stderr, "%s: refused: %s\n", path.c_str(), linli::describe(b.error(), en()).c_str());
        return std::nullopt;
    }
    return std::move(*b);
}

int validate(const std::vector<std::string>& files) {
    int bad = 0;
    for (const auto& f : files) {
        auto b = load(f);
        if (!b) {
            ++bad;
            continue;
        }
        linli::Dataset empty;
        auto e = linli::clock_ahead(*b, now_ms());  // the app's import refuses it now
        if (!e) e = empty.missing_reference(*b);
        if (e) {
            std::fprintf(stderr, "%s: refused: %s\n", f.c_str(), linli::describe(*e, en()).c_str());
            ++bad;
            continue;
        }
        std::printf("%s: ok, %zu records\n", f.c_str(), b->records.size());
    }
    return bad ? 1 : 0;
}

int merge(const std::string& out, const std::vector<std::string>& files) {
    std::vector<linli::Bundle> bundles;
    for (const auto& f : files) {
        auto b = load(f);
        if (!b) return 1;
        if (!bundles.empty() && b->community.id != bundles.front().community.id) {
            std::fprintf(stderr, "%s: refused: it is from another compound than %s\n", f.c_str(), files.front().c_str());
            return 1;
        }
        if (auto e = linli::clock_ahead(*b, now_ms())) {
            std::fprintf(stderr, "%s: refused: %s\n", f.c_str(), linli::describe(*e, en()).c_str());
            return 1;
        }
        bundles.push_back(std::move(*b));
    }
    linli::Dataset all;
    for (std::size_t i = 0; i < bundles.size(); ++i) {
        linli::MergeReport rep;
        all.merge(bundles[i], &rep);
        std::printf("%s: %s\n", files[i].c_str(), linli::describe_report(rep, en()).c_str());
    }
    // Every reference must resolve in the merged whole.
    linli::Bundle whole;
    whole.community = bundles.front().community;
    whole.device = "linlicli";
    whole.exported_at = now_ms();
    whole.scope = linli::Scope::committee;
    all.fill_bundle(whole);
    if (auto e = linli::Dataset{}.missing_reference(whole)) {
        std::fprintf(stderr, "refused: %s\n", linli::describe(*e, en()).c_str());
        return 1;
    }
    auto bytes = linli::write_readable_bundle(whole);  // never a file the app would refuse by its size
    if (!bytes) {
        std::fprintf(stderr, "%s: refused: %s\n", out.c_str(), linli::describe(bytes.error(), en()).c_str());
        return 1;
    }
    if (auto e = linli::store::write_atomic(out, *bytes)) {
        std::fprintf(stderr, "%s: %s\n", out.c_str(), linli::describe(*e, en()).c_str());
        return 1;
    }
    std::printf("%s: %zu records, %zu kept conflicting versions\n", out.c_str(), whole.records.size(), whole.conflicts.size());
    return 0;
}

int stats(const std::string& file) {
    // A store's directory is read as the app opens it, without writing anything: what
    // it holds, and what could not be read (damaged entries, files).
    std::optional<linli::store::Store> store;
    if (std::filesystem::is_directory(file)) {
        auto s = linli::store::Store::inspect(file, now_ms());
        if (!s) {
            std::fprintf(stderr, "%s: refused: %s\n", file.c_str(), linli::describe(s.error(), en()).c_str());
            return 1;
        }
        store = std::move(*s);
    }
    auto b = store ? std::optional<linli::Bundle>(store->export_bundle(linli::Scope::committee, now_ms())) : load(file);
    if (!b) return 1;
    linli::Dataset d;
    d.merge(*b);
    rapidjson::StringBuffer buf;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
    w.StartObject();
    w.Key("community"); w.String(b->community.name.zh.c_str());
    w.Key("community_id"); w.String(b->community.id.c_str());
    w.Key("device"); w.String(b->device.c_str());
    w.Key("exported_at"); w.Int64(b->exported_at);
    w.Key("scope"); w.String(linli::enum_name(b->scope).data());
    w.Key("records"); w.Uint64(d.size());
    w.Key("kinds");
    w.StartObject();
    std::array<int, linli::kKindCount> live{}, deleted{};
    for (const auto& [id, r] : d.records()) ++(r.deleted ? deleted : live)[static_cast<std::size_t>(r.kind())];
    for (std::size_t k = 0; k < linli::kKindCount; ++k) {
        w.Key(linli::enum_name(static_cast<linli::Kind>(k)).data());
        w.Int(live[k]);
    }
    w.EndObject();
    w.Key("deleted"); w.Int(std::accumulate(deleted.begin(), deleted.end(), 0));
    std::size_t conflicts = 0;
    for (const auto& [id, rs] : d.conflicts()) conflicts += rs.size();
    w.Key("conflicts"); w.Uint64(conflicts);
    w.Key("responses_per_poll");
    w.StartObject();
    std::map<std::string, int> per_poll;
    for (const auto& [id, r] : d.records())
        if (auto* s = r.as<linli::Response>()) ++per_poll[s->poll];
    for (const auto& [poll, n] : per_poll) {
        w.Key(poll.c_str());
        w.Int(n);
    }
    w.EndObject();
    if (store) {
        w.Key("skipped_entries"); w.Int(store->skipped_lines());
        w.Key("notes");
        w.StartArray();
        for (const auto& note : store->notes()) w.String(linli::describe(note, en()).c_str());
        w.EndArray();
    }
    w.EndObject();
    std::printf("%s\n", buf.GetString());
    return 0;
}

// The dataset of one bundle, and the poll asked for in it.
std::optional<linli::Dataset> poll_data(const std::string& file, const std::string& poll) {
    auto b = load(file);
    if (!b) return std::nullopt;
    linli::Dataset d;
    d.merge(*b);
    const linli::Record* p = d.find(poll);
    if (!p || !p->as<linli::Poll>()) {
        std::fprintf(stderr, "%s: no poll with id %s\n", file.c_str(), poll.c_str());
        return std::nullopt;
    }
    return d;
}

int tally(const std::string& file, const std::string& poll) {
    auto d = poll_data(file, poll);
    if (!d) return 1;
    std::fputs(linli::tally_json(linli::tally(*d, poll)).c_str(), stdout);
    return 0;
}

// For tools that write ballots themselves (a volunteer's spreadsheet turned into a bundle):
// a ballot is counted only under the rules it names.
int terms(const std::string& file, const std::string& poll) {
    auto d = poll_data(file, poll);
    if (!d) return 1;
    std::printf("%s\n", linli::poll_terms(*d->find(poll)->as<linli::Poll>()).c_str());
    return 0;
}

int csv(const std::string& file, const std::string& poll, const std::string& lang) {
    if (poll == "receptions") {
        auto b = load(file);
        if (!b) return 1;
        linli::Dataset d;
        d.merge(*b);
        static linli::Catalog catalog;
        std::string out = linli::receptions_csv(d, catalog.in(lang == "en" ? linli::Lang::en : linli::Lang::zh));
        std::fwrite(out.data(), 1, out.size(), stdout);
        return 0;
    }
    auto d = poll_data(file, poll);
    if (!d) return 1;
    static linli::Catalog catalog;
    linli::Lang l = lang == "en" ? linli::Lang::en : linli::Lang::zh;
    std::string out = linli::tally_csv(*d, linli::tally(*d, poll), catalog.in(l), l);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

// The same calendar the app downloads; every notice's event, not only those ahead.
int ics(const std::string& file, const std::vector<std::string>& rest) {
    auto b = load(file);
    if (!b) return 1;
    linli::Dataset d;
    d.merge(*b);
    std::string notice, lang = "zh";
    for (const auto& a : rest) (a == "zh" || a == "en" ? lang : notice) = a;
    linli::Lang l = lang == "en" ? linli::Lang::en : linli::Lang::zh;
    std::string out;
    if (notice.empty()) {
        static linli::Catalog catalog;
        out = linli::calendar_of(d, now_ms(), catalog.in(l), l, true);
    } else {
        const linli::Record* r = d.find(notice);
        if (!r || r->deleted || !r->as<linli::Notice>() || !r->as<linli::Notice>()->event) {
            std::fprintf(stderr, "%s: no event with id %s\n", file.c_str(), notice.c_str());
            return 1;
        }
        out = linli::calendar_of_notice(d, notice, now_ms(), l);
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    const std::string cmd = args[0];
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (cmd == "validate" && !rest.empty()) return validate(rest);
    if (cmd == "merge" && rest.size() >= 2) return merge(rest[0], {rest.begin() + 1, rest.end()});
    if (cmd == "stats" && rest.size() == 1) return stats(rest[0]);
    if (cmd == "tally" && rest.size() == 2) return tally(rest[0], rest[1]);
    if (cmd == "ics" && !rest.empty() && rest.size() <= 3) return ics(rest[0], {rest.begin() + 1, rest.end()});
    if (cmd == "terms" && rest.size() == 2) return terms(rest[0], rest[1]);
    if (cmd == "csv" && (rest.size() == 2 || rest.size() == 3)) return csv(rest[0], rest[1], rest.size() == 3 ? rest[2] : "zh");
    if (cmd == "schema" && rest.empty()) {
        std::fputs(linli::bundle_json_schema().c_str(), stdout);
        return 0;
    }
    std::fputs(kUsage, stderr);
    return 2;
}
