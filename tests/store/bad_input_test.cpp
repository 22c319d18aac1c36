// Every bad or hostile file gets a clear refusal, and the saved data stays byte for byte
// what it was.
#include <doctest/doctest.h>

#include <filesystem>
#include <unistd.h>

#include "../core/test_files.h"
#include "core/i18n.h"
#include "store/files.h"
#include "store/store.h"
#include "temp_dir.h"

using namespace linli;

namespace {

const std::int64_t kNow = 1795400000000;

// Tries to import `bytes` into a store holding the sample, as the app does; returns the
// refusal's key ("" if it was accepted) and checks nothing on disk changed when refused.
std::string try_import(const std::string& bytes) {
    static TempDir dir;
    static IdSource ids(9);
    static std::optional<store::Store> s;
    if (!s) {
        auto opened = store::Store::open(dir.path, kNow, ids);
        REQUIRE(opened.ok());
        s = std::move(*opened);
        auto sample = parse_bundle(read_project_file("assets/sample/sample-compound.json"));
        REQUIRE(sample.ok());
        REQUIRE(s->import(*sample, kNow).ok());
    }
    auto before = tree_bytes(dir.path);
    auto b = parse_bundle(bytes);
    std::optional<Error> err;
    if (!b) err = b.error();
    else if (auto e = s->check_import(*b, kNow)) err = e;
    else if (auto rep = s->import(*b, kNow); !rep) err = rep.error();
    if (!err) return "";
    CHECK(tree_bytes(dir.path) == before);
    // The message reads as words in both languages, not a bare key.
    Catalog c;
    CHECK(c.in(Lang::zh).has(err->key));
    CHECK(c.in(Lang::en).has(err->key));
    CHECK(!describe(*err, c.in(Lang::en)).empty());
    return err->key;
}

std::string sample_text() { return read_project_file("assets/sample/sample-compound.json"); }

std::string replace(std::string s, const std::string& from, const std::string& to) {
    auto at = s.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("all 318 JSONTestSuite parsing cases are refused with a reason, none crashes") {
    std::string dir = std::string(LINLI_CORPORA_DIR) + "/JSONTestSuite/test_parsing";
    REQUIRE_MESSAGE(std::filesystem::exists(dir), "../shared/corpora must be beside the project");
    int n = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        std::ifstream in(e.path(), std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        CAPTURE(e.path().filename().string());
        CHECK(try_import(ss.str()) != "");  // none of them is a Linli bundle
        ++n;
    }
    CHECK(n == 318);
}

TEST_CASE("hostile and broken bundles") {
    std::string good = sample_text();
    CHECK(try_import("") == "err.bundle.empty");
    for (std::size_t cut : {1ul, 100ul, good.size() / 2, good.size() - 2})
        CHECK(try_import(good.substr(0, cut)) != "");                                    // truncated
    CHECK(try_import(replace(good, "泾淞苑", "\xE6\xB3\xBE\xFF")) == "err.json.encoding");  // invalid UTF-8
    CHECK(try_import(std::string(100000, '[') + std::string(100000, ']')) == "err.bundle.not_linli");
    CHECK(try_import(replace(good, "\"records\": [", "\"records\": [" + std::string(100000, '[') +
                                                         std::string(100000, ']') + ",")) == "err.field.type");
    CHECK(try_import(replace(good, "\"zh\": \"泾淞苑\"", "\"zh\": \"" + std::string(50u << 20, 'x') + "\"")) ==
          "err.field.too_long");                                                         // a 50 MB string
    CHECK(try_import(replace(good, "\"floors\": 18", "\"floors\": 1e400")) == "err.json.number");
    CHECK(try_import(replace(good, "\"floors\": 18", "\"floors\": 99999999999999999999")) == "err.field.type");
    CHECK(try_import(replace(good, "\"floors\": 18", "\"floors\": -3")) == "err.field.range");
    CHECK(try_import(replace(good, "\"floors\": 18", "\"floors\": \"18\"")) == "err.field.type");
    CHECK(try_import(replace(good, "\"kind\": \"facility\"", "\"kind\": \"ufo\"")) == "err.record.kind");
    CHECK(try_import(replace(good, "\"version\": 1", "\"version\": 2")) == "err.bundle.newer");
    CHECK(try_import(replace(good, "\"format\": \"linli-bundle\"", "\"format\": \"other\"")) == "err.bundle.not_linli");
}

TEST_CASE("a BOM is ignored: the rest imports") {
    CHECK(try_import("\xEF\xBB\xBF" + sample_text()) == "");
}

TEST_CASE("one id with two bodies, and references to missing records") {
    std::string good = sample_text();
    // Repeat the first notice under its id with another title.
    auto at = good.find("\"kind\": \"notice\"");
    auto start = good.rfind('{', at), end = good.find("\n  }", at) + 4;
    std::string notice = good.substr(start, end - start);
    std::string changed = replace(notice, "\"topic\": \"parking\"", "\"topic\": \"safety\"");
    CHECK(try_import(replace(good, notice, notice + ",\n" + changed)) == "err.bundle.duplicate");

    std::string dangling = R"({"format":"linli-bundle","version":1,"community":{"id":")";
    auto sample = parse_bundle(good);
    REQUIRE(sample.ok());
    dangling += sample->community.id + R"(","name":{"zh":"泾淞苑"}},"device":"x","scope":"committee","records":[)"
                R"({"id":"eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee","kind":"response","rev":"1-0-x","poll":"99999999999999999999999999999999"}]})";
    CHECK(try_import(dangling) == "err.ref.missing");
}

TEST_CASE("a 200 MB file is refused by its size, before any of it is read") {
    TempDir dir;
    std::string big = dir.path + "/big.json";
    {
        std::ofstream f(big);
    }
    REQUIRE(::truncate(big.c_str(), 200ll << 20) == 0);  // sparse: no 200 MB written
    auto r = store::read_file_limited(big, kMaxBundleBytes);
    REQUIRE(!r.ok());
    CHECK(r.error().key == "err.bundle.too_big");
}
