// One household, one vote: the committee prints a code for each household; a poll
// carries only salted, deliberately slow (Argon2id) hashes of them, so any device can
// check a code offline without holding anything secret.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/dataset.h"

namespace linli {

// 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as
// "K7QPM-3XAR2": about 49 bits, so guessing one household's code from a published poll
// takes on the order of a century of CPU time at the hash's cost.
constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
constexpr std::size_t kCodeLength = 10;

std::string new_household_code(IdSource& ids);
std::string format_code(std::string_view code);  // "K7QPM3XAR2" -> "K7QPM-3XAR2"
// What a person typed: upper-cased, spaces and dashes dropped; nullopt if it cannot be a code.
std::optional<std::string> normalize_code(std::string_view typed);

std::string new_salt(IdSource& ids);  // 32 hex digits
// Argon2id (libsodium), 2 passes over 4 MiB: about 10 ms natively, a few tens in a phone's browser.
std::string code_hash(std::string_view code, std::string_view salt_hex);

// The household a typed code belongs to in this poll, or an Error to show.
Result<Id> check_household_code(const Poll& poll, std::string_view typed);

}  // namespace linli
