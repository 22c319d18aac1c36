#!/usr/bin/env python3
"""Draws Linli's app icons (a white house on the app's teal) as PNG files, with Python's
standard library only: 180 (iOS), 192 and 512 (web app manifest), and a maskable 512
with the safe-zone padding Android expects."""
import os
import struct
import sys
import zlib

TEAL = (10, 102, 97)
WHITE = (255, 255, 255)


def inside_house(x, y):
    """x, y in 0..1 over the icon: roof, walls, with a door and two windows cut out."""
    roof = 0.20 <= y <= 0.46 and abs(x - 0.5) <= (y - 0.20) * 1.25
    walls = 0.44 <= y <= 0.80 and 0.27 <= x <= 0.73
    door = 0.60 <= y <= 0.80 and 0.45 <= x <= 0.55
    window = 0.50 <= y <= 0.58 and (0.32 <= x <= 0.41 or 0.59 <= x <= 0.68)
    return (roof or walls) and not door and not window


def pixel(size, px, py, pad, rounded):
    x, y = (px + 0.5) / size, (py + 0.5) / size
    if rounded:  # a rounded square; outside it, transparent
        r, cx, cy = 0.18, min(max(x, 0.18), 0.82), min(max(y, 0.18), 0.82)
        if (x - cx) ** 2 + (y - cy) ** 2 > r * r:
            return (0, 0, 0, 0)
    u, v = (x - pad) / (1 - 2 * pad), (y - pad) / (1 - 2 * pad)
    return WHITE + (255,) if 0 <= u <= 1 and 0 <= v <= 1 and inside_house(u, v) else TEAL + (255,)


def png(path, size, pad=0.0, rounded=True):
    rows = b""
    for py in range(size):
        rows += b"\x00" + b"".join(bytes(pixel(size, px, py, pad, rounded)) for px in range(size))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    head = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", head) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    png(os.path.join(out, "icon-180.png"), 180, rounded=False)
    png(os.path.join(out, "icon-192.png"), 192)
    png(os.path.join(out, "icon-512.png"), 512)
    png(os.path.join(out, "icon-maskable-512.png"), 512, pad=0.12, rounded=False)


if __name__ == "__main__":
    main()
