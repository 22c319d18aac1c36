#!/usr/bin/env python3
"""Subsets WenQuanYi Micro Hei (Debian's fonts-wqy-microhei, Apache-2.0) to what Linli
needs: ASCII, common punctuation, all of GB2312 (levels 1 and 2: 淞 and 泾 are level 2),
and every character in Linli's own texts (string tables, sample data)."""
import argparse
import json
import os
import sys

from fontTools import subset

SOURCE = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


def gb2312_chars():
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def texts_in(path):
    """Every string in the JSON files under path."""
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
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--extra", action="append", default=[], help="folder of JSON files whose text must render")
    args = ap.parse_args()
    if not os.path.exists(SOURCE):
        sys.exit(f"{SOURCE} is missing: install Debian's fonts-wqy-microhei (scripts/build does).")

    chars = {chr(c) for c in range(0x20, 0x7F)}
    chars |= set("·—‘’“”…、。〈〉《》「」『』【】〔〕（），．：；？！％～￥")
    chars |= gb2312_chars()
    for folder in args.extra:
        chars |= texts_in(folder)
    chars = {c for c in chars if c.isprintable()}

    opts = subset.Options()
    opts.font_number = 0
    opts.hinting = False
    opts.desubroutinize = True
    opts.layout_features = ["kern", "liga", "vert"]
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    opts.flavor = "woff2"  # Brotli-packed glyphs: ~11% smaller than the TTF sent with brotli
    font = subset.load_font(SOURCE, opts)
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=[ord(c) for c in chars])
    sub.subset(font)
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    subset.save_font(font, args.out, opts)
    cmap = font.getBestCmap()
    missing = sorted(c for c in chars if ord(c) not in cmap and not c.isspace())
    if missing:
        print("font_subset: not in the source font: " + "".join(missing[:80]), file=sys.stderr)
    print(f"font_subset: {len(cmap)} characters, {os.path.getsize(args.out)} bytes -> {args.out}")


if __name__ == "__main__":
    main()
