#include "store/files.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace linli::store {
namespace {

Error io_error(const std::string& path) {
    bool full = errno == ENOSPC || errno == EDQUOT;
    return make_error(full ? "err.store.full" : "err.store.io", {path, std::strerror(errno)});
}

Error read_error(const std::string& path) { return make_error("err.file.read", {path + " (" + std::strerror(errno) + ")"}); }

std::optional<Error> write_all(const std::string& path, const char* mode, const std::string& bytes) {
    std::FILE* f = std::fopen(path.c_str(), mode);
    if (!f) return io_error(path);
    bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    ok = std::fflush(f) == 0 && ok;
    ok = ::fsync(fileno(f)) == 0 && ok;
    int saved = errno;
    ok = std::fclose(f) == 0 && ok;
    if (!ok) {
        errno = saved;
        return io_error(path);
    }
    return std::nullopt;
}

}  // namespace

Result<std::string> read_file(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return read_error(path);
    std::string out;
    char buf[1 << 16];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
    bool err = std::ferror(f);
    std::fclose(f);
    if (err) return read_error(path);
    return out;
}

Result<std::string> read_file_limited(const std::string& path, std::size_t max_bytes) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) return read_error(path);
    if (static_cast<std::size_t>(st.st_size) > max_bytes)
        return make_error("err.bundle.too_big", {std::to_string(max_bytes >> 20)});
    return read_file(path);
}

bool file_exists(const std::string& path) {
    struct stat st;
    return ::stat(path.c_str(), &st) == 0;
}

std::optional<Error> write_atomic(const std::string& path, const std::string& bytes) {
    std::string tmp = path + ".tmp";
    if (auto e = write_all(tmp, "wb", bytes)) {
        ::unlink(tmp.c_str());
        return e;
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) return io_error(path);
    return std::nullopt;
}

std::optional<Error> append_file(const std::string& path, const std::string& bytes) {
    return write_all(path, "ab", bytes);
}

std::size_t file_size(const std::string& path) {
    struct stat st;
    return ::stat(path.c_str(), &st) == 0 ? static_cast<std::size_t>(st.st_size) : 0;
}

std::optional<Error> append_whole(const std::string& path, const std::string& bytes, std::size_t& known_size) {
    std::size_t size = file_size(path);
    if (size > known_size && ::truncate(path.c_str(), static_cast<off_t>(known_size)) != 0) return io_error(path);
    std::string line_start = size < known_size && size > 0 ? "\n" : "";  // shrunk under us: start a new line
    if (auto e = append_file(path, line_start + bytes)) {
        int saved = errno;
        if (::truncate(path.c_str(), static_cast<off_t>(std::min(size, known_size))) != 0) {}  // retried next time
        errno = saved;
        return e;
    }
    known_size = std::min(size, known_size) + line_start.size() + bytes.size();
    return std::nullopt;
}

std::optional<Error> rename_file(const std::string& from, const std::string& to) {
    if (file_exists(to)) {
        errno = EEXIST;
        return io_error(to);
    }
    if (std::rename(from.c_str(), to.c_str()) != 0) return io_error(from);
    return std::nullopt;
}

std::optional<Error> make_dir(const std::string& path) {
    if (::mkdir(path.c_str(), 0755) != 0 && errno != EEXIST) return io_error(path);
    return std::nullopt;
}

std::vector<std::string> list_dir(const std::string& path) {
    std::vector<std::string> names;
    if (DIR* d = ::opendir(path.c_str())) {
        while (dirent* e = ::readdir(d)) {
            std::string n = e->d_name;
            if (n != "." && n != "..") names.push_back(n);
        }
        ::closedir(d);
    }
    std::sort(names.begin(), names.end());
    return names;
}

void remove_file(const std::string& path) { ::unlink(path.c_str()); }

}  // namespace linli::store
