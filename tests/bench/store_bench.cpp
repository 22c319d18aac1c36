// Native benchmarks for records, storage and merge. Prints Markdown tables.
#include <cstdio>
#include <filesystem>

#include "workloads.h"

using namespace linli;
using namespace linli::bench;

int main() {
    std::printf("\nMerge of 100 bundles x 1,000 responses (native, each bundle shares half with the next)\n");
    std::printf("| step | ms |\n| --- | ---: |\n");
    auto m = merge_bundles(100, 1000);
    std::printf("| parse and check 100 bundles | %.0f |\n| merge into one dataset | %.0f |\n| records after merge | %zu |\n",
                m.parse_ms, m.merge_ms, m.records);

    std::printf("\nSaving one response (native, a store on disk, mean of 200 saves)\n");
    std::printf("| responses stored | ms per save |\n| ---: | ---: |\n");
    double per[2];
    int sizes[2] = {1000, 100000};
    for (int k = 0; k < 2; ++k) {
        std::string dir = std::filesystem::temp_directory_path() / ("linli-bench-" + std::to_string(sizes[k]));
        std::filesystem::remove_all(dir);
        store::Store s = store_with(dir, sizes[k]);
        IdSource ids(99);
        std::int64_t t = 1795400000000 + 10'000'000;
        // The day's first change writes the daily snapshot; measure the saves after it.
        if (s.put(one_response(s, ids, t), t)) return 1;
        double t0 = now_ms();
        for (int i = 0; i < 200; ++i)
            if (s.put(one_response(s, ids, t + i + 1), t + i + 1)) return 1;
        per[k] = (now_ms() - t0) / 200;
        std::printf("| %d | %.3f |\n", sizes[k], per[k]);
        std::filesystem::remove_all(dir);
    }
    std::printf("| ratio 100,000 / 1,000 | %.2f |\n", per[1] / per[0]);

    {
        Dataset d = notices_dataset(10000);
        std::printf("\nSearch over 10,000 notices, as the board searches (native, best of 5)\n");
        std::printf("| query | ms | found |\n| --- | ---: | ---: |\n");
        for (const char* q : {"充电车棚", "Notice 9999", "无此内容"}) {
            auto t = search_notices_timed(d, q);
            std::printf("| %s | %.2f | %zu |\n", q, t.best_ms, t.found);
        }
    }

    std::size_t before = heap_in_use();
    {
        Dataset d;
        d.merge(survey_bundle(100000, 5, "heap"));
        std::printf("\nMemory: dataset of 100,000 responses x 10 answers (native heap) | %.1f MB |\n",
                    (heap_in_use() - before) / 1048576.0);
    }
    return 0;
}
