#include "workloads.h"

#include "core/board.h"

#include <malloc.h>

#include <chrono>

namespace linli::bench {

double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

namespace {
const Id kCommunity = "c0000000000000000000000000000001";
const Id kPoll = "90000000000000000000000000000001";
const std::int64_t kT0 = 1795400000000;

Record survey() {
    Poll p;
    p.title = {"我心中的社区生活", "The community life I want"};
    p.type = PollKind::survey;
    p.status = PollStatus::open;
    for (int q = 1; q <= 10; ++q) {
        Question question;
        question.id = "q" + std::to_string(q);
        question.type = QuestionType::single;
        question.text = {"问题 " + std::to_string(q), "Question " + std::to_string(q)};
        for (const char* o : {"a", "b", "c", "d"}) question.options.push_back(Option{o, {o, o}});
        p.questions.push_back(question);
    }
    return Record{kPoll, Rev{kT0, 0, "bench"}, false, p};
}

Record response_to(const Id& id, std::int64_t t, const std::string& device, std::uint64_t r) {
    Response s;
    s.poll = kPoll;
    s.submitted_ms = t;
    for (int q = 1; q <= 10; ++q) {
        s.answers.push_back(Answer{"q" + std::to_string(q), {std::string(1, static_cast<char>('a' + (r >> (2 * q)) % 4))},
                                   std::nullopt, "", ""});
    }
    return Record{id, Rev{t, 0, device}, false, s};
}
}  // namespace

Bundle survey_bundle(int n, std::uint64_t seed, const std::string& device) {
    Bundle b;
    b.community = {kCommunity, {"泾淞苑", "Jingsong Garden"}};
    b.device = device;
    b.exported_at = kT0;
    b.records.push_back(Record{kCommunity, Rev{kT0, 0, "bench"}, false, Community{{"泾淞苑", "Jingsong Garden"}, {}}});
    b.records.push_back(survey());
    IdSource ids(seed);
    for (int i = 0; i < n; ++i) b.records.push_back(response_to(ids.next(), kT0 + i, device, ids.next_u64()));
    return b;
}

Record one_response(store::Store& s, IdSource& ids, std::int64_t now) {
    return response_to(ids.next(), s.clock().tick(now).ms, s.meta().device, ids.next_u64());
}

Dataset notices_dataset(int n) {
    static const char* kWords[] = {"电梯加装", "停车", "垃圾分类", "楼道", "充电车棚", "绿化", "维修资金", "消防通道", "志愿者", "议事会"};
    Dataset d;
    IdSource ids(4242);
    for (int i = 0; i < n; ++i) {
        std::string w = kWords[i % 10], w2 = kWords[(i * 7 + 3) % 10];
        Notice x;
        x.topic = static_cast<NoticeTopic>(i % 7);
        x.title = {w + "：第 " + std::to_string(i) + " 号通知（" + w2 + "）", "Notice " + std::to_string(i)};
        std::string body = "关于" + w + "的第 " + std::to_string(i) + " 号通知。";
        for (int k = 0; k < 4; ++k) body += "请各位居民注意" + w2 + "相关安排，如有疑问请到居委会咨询，或拨打 021-5666 0288。";
        x.body = {body, ""};
        x.published_ms = kT0 - i * 60000LL;
        if (i % 10 == 9) x.expires_ms = x.published_ms + 3600000;
        d.merge(Record{ids.next(), Rev{kT0 - i * 1000LL, 0, "bench"}, false, x});
    }
    return d;
}

SearchTiming search_notices_timed(const Dataset& d, std::string_view query) {
    SearchTiming t{.best_ms = 1e9};
    for (int i = 0; i < 5; ++i) {
        double t0 = now_ms();
        t.found = search_notices(d, kT0, query).size();
        t.best_ms = std::min(t.best_ms, now_ms() - t0);
    }
    return t;
}

MergeTiming merge_bundles(int bundles, int per_bundle) {
    MergeTiming t;
    double t0 = now_ms();
    std::vector<std::string> texts;
    for (int i = 0; i < bundles; ++i) {
        // Device i's export: its own half, and the half it received from device i-1.
        Bundle own = survey_bundle(per_bundle / 2, 1000 + i, "dev" + std::to_string(i));
        Bundle prev = survey_bundle(per_bundle / 2, 1000 + (i + bundles - 1) % bundles, "dev" + std::to_string((i + bundles - 1) % bundles));
        own.records.insert(own.records.end(), prev.records.begin() + 2, prev.records.end());
        texts.push_back(write_bundle(own));
    }
    double t1 = now_ms();
    std::vector<Bundle> parsed;
    for (const auto& text : texts) parsed.push_back(std::move(*parse_bundle(text)));
    double t2 = now_ms();
    Dataset d;
    for (const auto& b : parsed) d.merge(b);
    double t3 = now_ms();
    t.write_ms = t1 - t0;
    t.parse_ms = t2 - t1;
    t.merge_ms = t3 - t2;
    t.records = d.size();
    return t;
}

store::Store store_with(const std::string& dir, int stored) {
    IdSource ids(7);
    auto s = store::Store::open(dir, kT0, ids);
    if (!s) std::abort();
    if (stored > 0 && !s->import(survey_bundle(stored, 42, "other"), kT0)) std::abort();
    return std::move(*s);
}

std::size_t heap_in_use() {
#ifdef __EMSCRIPTEN__
    struct mallinfo mi = mallinfo();  // dlmalloc's
#else
    struct mallinfo2 mi = mallinfo2();  // glibc's
#endif
    return static_cast<std::size_t>(mi.uordblks) + static_cast<std::size_t>(mi.hblkhd);
}

}  // namespace linli::bench
