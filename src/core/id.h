// Record ids: 128 random bits written as 32 lowercase hex digits.
#pragma once
#include <cstdint>
#include <random>
#include <string>
#include <string_view>

namespace linli {

using Id = std::string;

bool is_valid_id(std::string_view s);

// Source of randomness for ids and device ids. Seedable so tests are reproducible.
class IdSource {
public:
    IdSource();                                  // seeded from std::random_device
    explicit IdSource(std::uint64_t seed) : rng_(seed) {}
    Id next();
    std::uint64_t next_u64() { return rng_(); }

private:
    std::mt19937_64 rng_;
};

}  // namespace linli
