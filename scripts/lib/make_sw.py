#!/usr/bin/env python3
"""Writes build/web/sw.js from web/sw.js: the version is a hash of every file the app
needs, so any change to a file makes a new cache; the list is those files."""
import hashlib
import json
import os
import sys


def main():
    template, site = sys.argv[1], sys.argv[2]
    files = []
    for root, _, names in os.walk(site):
        for n in names:
            rel = os.path.relpath(os.path.join(root, n), site).replace(os.sep, "/")
            if rel == "sw.js" or rel.endswith((".gz", ".br")):
                continue
            files.append(rel)
    files.sort()
    # Not fetched up front: the fallback font (most phones never need it; one that does
    # keeps it as it passes, see web/sw.js) and the icons only installing uses, online.
    later = ("fonts/", "icons/icon-180.png", "icons/icon-512.png", "icons/icon-maskable-512.png")
    urls = ["./"] + ["./" + f for f in files if f != "index.html" and not f.startswith(later)]
    h = hashlib.sha256(json.dumps(urls).encode())  # the list, and every file's name and bytes
    for rel in files:
        h.update(rel.encode() + b"\0")
        with open(os.path.join(site, rel), "rb") as f:
            h.update(f.read())
    with open(template, encoding="utf-8") as f:
        text = f.read()
    text = text.replace("%VERSION%", "linli-" + h.hexdigest()[:16]).replace("%FILES%", json.dumps(urls))
    out = os.path.join(site, "sw.js")
    if not os.path.exists(out) or open(out, encoding="utf-8").read() != text:
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)
    print(f"make_sw: {len(urls)} files, version {h.hexdigest()[:16]}")


if __name__ == "__main__":
    main()
