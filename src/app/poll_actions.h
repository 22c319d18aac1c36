// What residents and the committee do to polls, carried out on this device: a ballot kept,
// a poll saved, a step of its lifecycle (core/poll_lifecycle.h), household codes made a
// slice per frame, the printable slips and the CSV downloaded.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "store/store.h"
#include "ui/view.h"

namespace linli::app {

// What the actions act on, lent by the app for one call.
struct PollContext {
    store::Store& store;
    IdSource& ids;
    ui::DataStatus& status;
    const Strings& words;
    Lang lang;
    std::string file_stem;           // "linli-jingsong-garden"
    std::function<void()> changed;   // something was written: sync it out
};

class PollActions {
public:
    Result<ui::Submitted> submit(PollContext& c, const store::Draft& d);
    Result<Id> save(PollContext& c, const Id& id, const Poll& edited, bool open);
    std::optional<Error> step(PollContext& c, const Id& id, const ui::PollStep& s);

    void make_codes(PollContext& c, const Id& poll);
    void step_codes(PollContext& c);  // a slice of the codes job, each frame until done
    void print_codes(PollContext& c, const Id& poll);
    void export_csv(PollContext& c, const Id& poll);

private:
    std::optional<Error> put(PollContext& c, const Id& id, const Poll& p);

    // The codes job: households to give codes, the hashes made so far.
    struct CodesWork {
        Poll poll;
        std::vector<Record> households;  // with their codes (new ones assigned)
        std::size_t next = 0;
    };
    std::optional<CodesWork> codes_;
};

}  // namespace linli::app
