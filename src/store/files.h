// Small file operations the store needs, over POSIX so they work the same on a real
// disk and on Emscripten's in-memory file system (synced to IndexedDB by the platform).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace linli::store {

Result<std::string> read_file(const std::string& path);
// Refuses a file larger than `max_bytes` by its size, before reading any of it.
Result<std::string> read_file_limited(const std::string& path, std::size_t max_bytes);
bool file_exists(const std::string& path);
// Writes `path.tmp`, then renames it over `path`: readers see the old file or the new one.
std::optional<Error> write_atomic(const std::string& path, const std::string& bytes);
std::optional<Error> append_file(const std::string& path, const std::string& bytes);
// Appends all of `bytes` to a file whose first `known_size` bytes are good, or nothing:
// whatever lies past them (the part of an earlier append that failed half-way) is cut
// off first, and an append that fails is cut back. On success `known_size` grows.
std::optional<Error> append_whole(const std::string& path, const std::string& bytes, std::size_t& known_size);
std::size_t file_size(const std::string& path);  // 0 if there is none
// Renames, never over an existing file; an error if it cannot.
std::optional<Error> rename_file(const std::string& from, const std::string& to);
std::optional<Error> make_dir(const std::string& path);
std::vector<std::string> list_dir(const std::string& path);  // names, sorted
void remove_file(const std::string& path);

}  // namespace linli::store
