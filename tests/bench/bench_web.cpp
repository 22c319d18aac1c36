// The browser side of the benchmarks: the same workloads as store_bench.cpp, called from
// tests/bench/*.bench.mjs in headless Chromium.
#include <emscripten.h>

#include <optional>
#include <string>

#include "core/tally.h"
#include "workloads.h"

using namespace linli;

namespace {
std::optional<store::Store> g_store;
IdSource g_ids(123);
std::int64_t g_t = 1795400000000 + 10'000'000;
std::string g_reply;
}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* bench_merge(int bundles, int per) {
    auto m = bench::merge_bundles(bundles, per);
    g_reply = "{\"parse_ms\":" + std::to_string(m.parse_ms) + ",\"merge_ms\":" + std::to_string(m.merge_ms) +
              ",\"records\":" + std::to_string(m.records) + "}";
    return g_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE int bench_store_open(const char* dir, int stored) {
    g_store.reset();
    g_store.emplace(bench::store_with(dir, stored));
    // The day's first change writes the daily snapshot; saves are timed after it.
    return g_store->put(bench::one_response(*g_store, g_ids, g_t), g_t) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE double bench_save_one() {
    ++g_t;
    double t0 = bench::now_ms();
    if (g_store->put(bench::one_response(*g_store, g_ids, g_t), g_t)) return -1;
    return bench::now_ms() - t0;
}

// Parse and merge one bundle from memory, as an import does (without the storage).
EMSCRIPTEN_KEEPALIVE const char* bench_parse_merge(const char* data, int len) {
    double t0 = bench::now_ms();
    auto b = parse_bundle(std::string_view(data, static_cast<std::size_t>(len)));
    double t1 = bench::now_ms();
    if (!b) return "{\"error\":true}";
    Dataset d;
    d.merge(*b);
    double t2 = bench::now_ms();
    g_reply = "{\"parse_ms\":" + std::to_string(t1 - t0) + ",\"merge_ms\":" + std::to_string(t2 - t1) +
              ",\"records\":" + std::to_string(d.size()) + ",\"heap\":" + std::to_string(bench::heap_in_use()) + "}";
    return g_reply.c_str();
}

// Tally of `n` responses x 10 questions: the dataset is built first (not timed).
EMSCRIPTEN_KEEPALIVE const char* bench_tally(int n) {
    Dataset d;
    d.merge(bench::survey_bundle(n, 77, "tally"));
    double best = 1e9, total = 0;
    for (int i = 0; i < 3; ++i) {
        double t0 = bench::now_ms();
        Tally t = tally(d, "90000000000000000000000000000001");
        double ms = bench::now_ms() - t0;
        if (t.counted != n) return "{\"error\":true}";
        best = std::min(best, ms);
        total += ms;
    }
    g_reply = "{\"best_ms\":" + std::to_string(best) + ",\"mean_ms\":" + std::to_string(total / 3) + "}";
    return g_reply.c_str();
}

// Search over `n` notices, as the board searches (the dataset is built first, not timed).
EMSCRIPTEN_KEEPALIVE const char* bench_search(int n, const char* query) {
    Dataset d = bench::notices_dataset(n);
    auto t = bench::search_notices_timed(d, query);
    g_reply = "{\"best_ms\":" + std::to_string(t.best_ms) + ",\"found\":" + std::to_string(t.found) + "}";
    return g_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE double bench_heap() { return static_cast<double>(bench::heap_in_use()); }

int main() { return 0; }

}  // extern "C"
