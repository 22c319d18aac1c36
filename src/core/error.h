// Errors a person can cause (a bad file, a wrong code) are values, not exceptions:
// a message key from the string tables plus the details to fill into it.
#pragma once
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace linli {

struct Error {
    std::string key;                 // string-table key, e.g. "err.json.syntax"
    std::vector<std::string> args;   // filled into {0}, {1}, ... of the message
    std::string where;               // path inside the file, e.g. "records[12].title.zh"

    bool operator==(const Error&) const = default;
};

inline Error make_error(std::string key, std::vector<std::string> args = {}, std::string where = {}) {
    return Error{std::move(key), std::move(args), std::move(where)};
}

template <class T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}
    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(v_); }
    const T& value() const { return std::get<0>(v_); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

}  // namespace linli
