#!/usr/bin/env python3
"""Writes FILE.gz (gzip -9) and FILE.br (brotli -q 11) beside every file of the site, so
a static server sends the smallest encoding the browser accepts without compressing on
each request. Skips files that do not shrink and ones already current; removes copies
whose file has gone. With --gzip-only, no .br (a site to be served as gzip, such as the
Enketo page the bench compares with)."""
import gzip
import os
import subprocess
import sys


def stale(src, out):
    return not os.path.exists(out) or os.path.getmtime(out) < os.path.getmtime(src)


def main():
    site = sys.argv[1]
    brotli = "--gzip-only" not in sys.argv[2:]
    written = 0
    for root, _, names in os.walk(site):
        for n in names:
            if n.endswith((".gz", ".br")):
                if not os.path.exists(os.path.join(root, n[:-3])):
                    os.remove(os.path.join(root, n))  # its file is gone from the site
                continue
            src = os.path.join(root, n)
            with open(src, "rb") as f:
                data = f.read()
            gz, br = src + ".gz", src + ".br"
            if stale(src, gz):
                packed = gzip.compress(data, compresslevel=9, mtime=0)
                if len(packed) >= len(data):
                    for old in (gz, br):
                        if os.path.exists(old):
                            os.remove(old)
                    continue
                with open(gz, "wb") as f:
                    f.write(packed)
                written += 1
            if brotli and stale(src, br):
                # -n: the copy gets its own time, not the file's (truncated to seconds, it would look older)
                subprocess.run(["brotli", "-q", "11", "-n", "-f", "-o", br, src], check=True)
                os.chmod(br, os.stat(src).st_mode & 0o777)  # -n also leaves it private (0600)
                written += 1
    print(f"precompress: {written} files written")


if __name__ == "__main__":
    main()
