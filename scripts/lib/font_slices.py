#!/usr/bin/env python3
"""Cuts WenQuanYi Micro Hei (Debian's fonts-wqy-microhei, Apache-2.0) into WOFF2 slices for
a device without Chinese fonts, which fetches only the slices holding characters it meets:

  0  what Linli's own texts need (string tables, sample data), printable ASCII, GB2312's
     symbols and its level 1: the 3,755 characters of nearly every text;
  1  GB2312 level 2 (淞 and 泾 are there);
  2… every other character of the font, in code point order, SLICE characters a slice:
     the rest of GBK (堃, 喆, 镕: names), Hangul, and the rest.

Writes OUT_DIR/linli-cjk-N.woff2 and OUT_DIR/linli-cjk.json, which says which code points
each slice holds (web/linli_fonts.js reads it), and removes older linli-cjk* files."""
import argparse
import glob
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor

from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
SLICE = 2500  # characters in each later slice: ~160 KB


def gb2312(first_row, last_row):
    """The characters of GB2312 rows first_row..last_row (row 1 is lead byte 0xA1)."""
    chars = set()
    for hi in range(0xA0 + first_row, 0xA0 + last_row + 1):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def texts_in(path):
    """Every character of every string (and key) in the JSON files under path, and of the
    plain-text files (the help's pages)."""
    out = set()

    def walk(v):
        if isinstance(v, str):
            out.update(v)
        elif isinstance(v, dict):
            for k, x in v.items():
                out.update(k)
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    for root, _, files in os.walk(path):
        for f in files:
            if f.endswith(".json"):
                with open(os.path.join(root, f), encoding="utf-8") as fh:
                    walk(json.load(fh))
            elif f.endswith(".txt"):
                with open(os.path.join(root, f), encoding="utf-8") as fh:
                    out.update(fh.read())
    return out


def runs(code_points):
    """Code points as runs [gap from the end of the run before, length - 1, ...]: small
    numbers, so the list stays small (web/linli_fonts.js reads it back)."""
    ranges = []
    for c in sorted(code_points):
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    out, end = [], 0
    for first, last in ranges:
        out += [first - end, last - first]
        end = last
    return out


def write_slice(job):
    path, code_points = job
    opts = subset.Options()
    opts.font_number = 0
    opts.hinting = False
    opts.desubroutinize = True
    opts.layout_features = ["kern", "liga", "vert"]
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    opts.drop_tables += ["FFTM"]  # FontForge's timestamps
    opts.flavor = "woff2"  # Brotli-packed glyphs: ~11% smaller than the TTF sent with brotli
    font = subset.load_font(SOURCE, opts)
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=code_points)
    sub.subset(font)
    subset.save_font(font, path, opts)
    return os.path.getsize(path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--extra", action="append", default=[], help="folder of JSON (or .txt) files whose text must render")
    args = ap.parse_args()
    if not os.path.exists(SOURCE):
        sys.exit(f"{SOURCE} is missing: install Debian's fonts-wqy-microhei (scripts/build does).")

    # ImGui's characters are 16-bit (ImWchar): what lies beyond U+FFFF it cannot draw anyway.
    has = {c for c in TTCollection(SOURCE).fonts[0].getBestCmap() if c <= 0xFFFF}
    drawable = lambda chars: {ord(c) for c in chars if c.isprintable() and not c.isspace()} & has
    first = {chr(c) for c in range(0x21, 0x7F)} | set("·—‘’“”…、。〈〉《》「」『』【】〔〕（），．：；？！％～￥")
    first |= gb2312(1, 9) | gb2312(16, 55)
    for folder in args.extra:
        first |= texts_in(folder)
    slices = [drawable(first)]
    slices.append(drawable(gb2312(56, 87)) - slices[0])
    rest = sorted(drawable(chr(c) for c in has) - slices[0] - slices[1])
    slices += [set(rest[i:i + SLICE]) for i in range(0, len(rest), SLICE)]

    os.makedirs(args.out_dir, exist_ok=True)
    for old in glob.glob(os.path.join(args.out_dir, "linli-cjk*")):
        os.remove(old)
    names = [f"linli-cjk-{i}.woff2" for i in range(len(slices))]
    jobs = [(os.path.join(args.out_dir, n), sorted(s)) for n, s in zip(names, slices)]
    with ProcessPoolExecutor() as pool:
        sizes = list(pool.map(write_slice, jobs))
    manifest = {"slices": [{"file": n, "runs": runs(s)} for n, s in zip(names, slices)]}
    with open(os.path.join(args.out_dir, "linli-cjk.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, separators=(",", ":"))
    for n, s, size in zip(names, slices, sizes):
        print(f"font_slices: {n}: {len(s)} characters, {size // 1024} KB")


if __name__ == "__main__":
    main()
