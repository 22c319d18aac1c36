#include <doctest/doctest.h>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>

#include "core/bundle.h"
#include "core/i18n.h"
#include "core/json_read.h"
#include "test_files.h"

using namespace linli;

namespace {

const char* kHeader =
    R"("format":"linli-bundle","version":1,"community":{"id":"0123456789abcdef0123456789abcdef","name":{"zh":"泾淞苑"}},)"
    R"("device":"dev1","exported_at":1795400000000,"scope":"committee")";

std::string bundle_with(const std::string& records) {
    return std::string("{") + kHeader + R"(,"records":[)" + records + "]}";
}

const char* kNotice =
    R"({"id":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","kind":"notice","rev":"1795400000000-0-dev1",)"
    R"("title":{"zh":"停车公约","en":"Parking"},"body":{"zh":"第一行\n第二行"},"topic":"parking","published_ms":1795400000000})";

std::string error_key(const std::string& text) {
    auto b = parse_bundle(text);
    return b.ok() ? std::string("ok") : b.error().key;
}

}  // namespace

TEST_CASE("a bundle round-trips: parse, write, parse gives the same records") {
    auto b = parse_bundle(bundle_with(kNotice));
    REQUIRE(b.ok());
    REQUIRE(b->records.size() == 1);
    const Notice* n = b->records[0].as<Notice>();
    REQUIRE(n);
    CHECK(n->title.zh == "停车公约");
    CHECK(n->body.zh == "第一行\n第二行");
    CHECK(n->topic == NoticeTopic::parking);

    std::string written = write_bundle(*b);
    CHECK(written.find('\n') == std::string::npos);  // compact: one line
    auto again = parse_bundle(written);
    REQUIRE(again.ok());
    CHECK(again->records == b->records);
    CHECK(again->community == b->community);
    CHECK(write_bundle(*again) == written);
}

TEST_CASE("bundles are written as compact JSON: what a compact writer makes of them, strings untouched") {
    std::string spaced = kNotice;
    spaced.replace(spaced.find("第一行"), 9, R"(a \"quoted\": text,\n  {indented}\\ end )");
    std::string sample = read_project_file("assets/sample/sample-compound.json");
    for (const std::string& text : {bundle_with(spaced), sample}) {
        auto b = parse_bundle(text);
        REQUIRE(b.ok());
        std::string written = write_bundle(*b);
        rapidjson::Document doc;
        doc.Parse(written.c_str(), written.size());
        REQUIRE(!doc.HasParseError());
        rapidjson::StringBuffer buf;
        rapidjson::Writer<rapidjson::StringBuffer> w(buf);
        doc.Accept(w);
        CHECK(written == std::string(buf.GetString(), buf.GetSize()));
        auto again = parse_bundle(written);
        REQUIRE(again.ok());
        CHECK(again->records == b->records);
    }
}

TEST_CASE("bad files are refused with a reason") {
    CHECK(error_key("") == "err.bundle.empty");
    CHECK(error_key("   \n") == "err.bundle.empty");
    CHECK(error_key("[1,2]") == "err.bundle.not_linli");
    CHECK(error_key(R"({"format":"other"})") == "err.bundle.not_linli");
    CHECK(error_key(bundle_with(kNotice).substr(0, 120)) == "err.json.syntax");
    CHECK(error_key(R"({"format":"linli-bundle","version":2})") == "err.bundle.newer");
    CHECK(error_key(R"({"format":"linli-bundle","version":"1"})") == "err.bundle.version");
    CHECK(error_key(bundle_with(kNotice) + "x") == "err.json.trailing");
    CHECK(error_key("{\"format\":\"linli-bundle\xff\"}") == "err.json.encoding");
    CHECK(error_key(std::string(100000, '[')) == "err.json.syntax");  // deep nesting: no stack overflow
}

TEST_CASE("a UTF-8 byte-order mark is ignored and noted") {
    auto b = parse_bundle("\xEF\xBB\xBF" + bundle_with(kNotice));
    REQUIRE(b.ok());
    CHECK(b->had_bom);
}

TEST_CASE("field rules: types, lengths, ranges, enums, unknown and repeated fields") {
    auto with = [](const std::string& from, const std::string& to) {
        std::string n = kNotice;
        auto at = n.find(from);
        REQUIRE(at != std::string::npos);
        return bundle_with(n.replace(at, from.size(), to));
    };
    CHECK(error_key(with(R"("topic":"parking")", R"("topic":"parked")")) == "err.field.enum");
    CHECK(error_key(with(R"("topic":"parking")", R"("topic":7)")) == "err.field.enum");
    CHECK(error_key(with(R"("published_ms":1795400000000)", R"("published_ms":1.5)")) == "err.field.type");
    CHECK(error_key(with(R"("published_ms":1795400000000)", R"("published_ms":-1)")) == "err.field.range");
    CHECK(error_key(with(R"("published_ms":1795400000000)", R"("published_ms":1e400)")) == "err.json.number");
    CHECK(error_key(with(R"("title":{"zh":"停车公约","en":"Parking"})", R"("title":{})")) == "err.field.empty");
    CHECK(error_key(with(R"("title":{"zh":"停车公约","en":"Parking"})", R"("title":"停车")")) == "err.field.type");
    CHECK(error_key(with(R"("title":{"zh":"停车公约","en":"Parking"})",
                         R"("title":{"zh":")" + std::string(81, 'x') + "\"}")) ==
          "err.field.too_long");
    CHECK(error_key(with(R"("topic":"parking")", R"("topic":"parking","colour":"red")")) == "err.field.unknown");
    CHECK(error_key(with(R"("topic":"parking")", R"("topic":"parking","topic":"parking")")) == "err.field.repeated");
    CHECK(error_key(with(R"("kind":"notice")", R"("kind":"spaceship")")) == "err.record.kind");
    CHECK(error_key(with(R"("rev":"1795400000000-0-dev1")", R"("rev":"yesterday")")) == "err.record.rev");
    CHECK(error_key(with(R"("id":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")", R"("id":"AAAA")")) == "err.field.id");
    CHECK(error_key(with(R"("zh":"停车公约")", R"("zh":"停车\u0000公约")")) == "err.field.control");
    CHECK(error_key(with(R"("zh":"停车公约")", R"("zh":"停车\ud800公约")")) == "err.json.syntax");
}

TEST_CASE("escaped lone surrogates are refused; whatever is accepted writes and reads back the same") {
    auto with_title = [](const std::string& zh) {
        std::string n = kNotice;
        return bundle_with(n.replace(n.find("停车公约"), 12, zh));
    };
    // A low surrogate alone, and between letters; a pair in the wrong order; lone low
    // ones around a real pair.
    for (const char* bad : {R"(\udc00)", R"(x\udfffy)", R"(\udc00\ud800\udc00)", R"(\ude00\ud83d\ude00\udc00)"}) {
        CAPTURE(bad);
        CHECK(error_key(with_title(bad)) == "err.field.encoding");
    }
    // In a field's name too: the message that names an unknown field must be text.
    CHECK(error_key(bundle_with(std::string(kNotice).insert(1, R"("\udc00x":1,)"))) == "err.field.encoding");
    // A real pair (U+1F600) is a character like any other.
    auto ok = parse_bundle(with_title(R"(停车\ud83d\ude00)"));
    REQUIRE(ok.ok());
    CHECK(ok->records[0].as<Notice>()->title.zh == "停车\xF0\x9F\x98\x80");
    auto again = parse_bundle(write_bundle(*ok));
    REQUIRE(again.ok());
    CHECK(again->records == ok->records);
    // The journal's reader is the same.
    CHECK(!parse_record(R"({"id":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","kind":"notice","rev":"1-0-dev1","title":{"zh":"\udc00"}})").ok());
}

TEST_CASE("is_valid_utf8: surrogates, overlong forms, code points past U+10FFFF and cut sequences are not UTF-8") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("泾淞苑 abc \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF \xED\x9F\xBF"));
    for (const char* bad : {"\xED\xA0\x80", "\xED\xBF\xBF", "\xC0\xAF", "\xE0\x80\xAF", "\xF0\x80\x80\xAF",
                            "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xE6\xB3", "\x80", "a\xFF"}) {
        CAPTURE(bad);
        CHECK(!is_valid_utf8(bad));
    }
}

TEST_CASE("the error names where in the file the problem is") {
    std::string n = kNotice;
    n.replace(n.find(R"("topic":"parking")"), 17, R"("topic":"x")");
    auto b = parse_bundle(bundle_with(std::string(kNotice).replace(7, 32, std::string(32, 'b')) + "," + n));
    REQUIRE(!b.ok());
    CHECK(b.error().where == "records[1].topic");
    Catalog c;
    CHECK(describe(b.error(), c.in(Lang::en)).find("(at records[1].topic)") != std::string::npos);
}

TEST_CASE("one id twice: identical repeats are folded, different bodies refused") {
    auto same = parse_bundle(bundle_with(std::string(kNotice) + "," + kNotice));
    REQUIRE(same.ok());
    CHECK(same->records.size() == 1);
    std::string other = kNotice;
    other.replace(other.find("停车公约"), 12, "停车规定");
    CHECK(error_key(bundle_with(std::string(kNotice) + "," + other)) == "err.bundle.duplicate");
}

TEST_CASE("public scope leaves out responses, the household list and committee-only fields") {
    std::string household =
        R"({"id":"cccccccccccccccccccccccccccccccc","kind":"household","rev":"1-0-dev1","building":"dddddddddddddddddddddddddddddddd","room":"301","area_m2":88.5,"owners":2,"code":"K7QP-3MXA"})";
    std::string response =
        R"({"id":"eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee","kind":"response","rev":"1-0-dev1","poll":"ffffffffffffffffffffffffffffffff","answers":[{"question":"q1","choices":["a"]}]})";
    auto b = parse_bundle(bundle_with(household + "," + response));
    REQUIRE(b.ok());
    CHECK(b->records[0].as<Household>()->area_m2 == doctest::Approx(88.5));
    b->scope = Scope::public_;
    std::string pub = write_bundle(*b);
    CHECK(pub.find("area_m2") == std::string::npos);
    CHECK(pub.find("K7QP") == std::string::npos);
    CHECK(pub.find("\"response\"") == std::string::npos);
    CHECK(pub.find("\"household\"") == std::string::npos);  // no household record at all
    CHECK(pub.find("\"301\"") == std::string::npos);
    b->scope = Scope::committee;
    std::string all = write_bundle(*b);
    CHECK(all.find("area_m2") != std::string::npos);
    CHECK(all.find("\"response\"") != std::string::npos);
}
