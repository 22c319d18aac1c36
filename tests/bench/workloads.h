// Benchmark workloads shared by the native runner and the browser (wasm) runner, so both
// measure exactly the same code on the same data.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/bundle.h"
#include "store/store.h"

namespace linli::bench {

double now_ms();  // a monotonic clock

// A compound with one survey, and `n` responses to it from one device.
Bundle survey_bundle(int n, std::uint64_t seed, const std::string& device);
Record one_response(store::Store& s, IdSource& ids, std::int64_t now);

struct MergeTiming {
    double write_ms = 0;  // making the bundle texts (not part of the merge)
    double parse_ms = 0;  // parse and check every bundle
    double merge_ms = 0;  // merge them all into one dataset
    std::size_t records = 0;
};
// `bundles` devices' exports of `per_bundle` responses each, half of each shared with the next.
MergeTiming merge_bundles(int bundles, int per_bundle);

// A store in `dir` holding `stored` responses, ready for timed saves.
store::Store store_with(const std::string& dir, int stored);

// `n` notices of the sizes committees write (a 20-character title, a body of a few hundred
// characters, a tenth of them past), as tests/bench/many_notices.mjs makes them.
Dataset notices_dataset(int n);
// Searching them for `query` as the board does (its current notices, then past ones): the
// best of 5, in ms, and how many were found.
struct SearchTiming {
    double best_ms = 0;
    std::size_t found = 0;
};
SearchTiming search_notices_timed(const Dataset& d, std::string_view query);

// Heap bytes in use (malloc's own count), for "memory with 100,000 responses".
std::size_t heap_in_use();

}  // namespace linli::bench
