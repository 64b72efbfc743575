#!/usr/bin/env python3
"""Draws kernelspec/logo-32x32.png and logo-64x64.png (standard library only).

A rounded dark-blue square with "H5" in white and an orange bar under it, drawn at 8x
and box-filtered down so the edges are smooth. Run from anywhere:
    python3 kernelspec/make_logos.py
"""
import os
import struct
import zlib

GLYPHS = {  # 5x7 bitmaps
    "H": ["10001", "10001", "10001", "11111", "10001", "10001", "10001"],
    "5": ["11111", "10000", "11110", "00001", "00001", "10001", "01110"],
}
BLUE = (31, 78, 121)
WHITE = (255, 255, 255)
ORANGE = (242, 142, 43)


def pixel(u, v):
    """Colour (r, g, b, a) at (u, v) in the unit square."""
    radius = 0.18
    cx = min(max(u, radius), 1 - radius)
    cy = min(max(v, radius), 1 - radius)
    if (u - cx) ** 2 + (v - cy) ** 2 > radius ** 2:
        return (0, 0, 0, 0)
    # "H5": 11 columns (5 + 1 gap + 5) by 7 rows, centred a little above the middle.
    cell = 0.062
    x0, y0 = 0.5 - 5.5 * cell, 0.20
    col, row = int((u - x0) // cell), int((v - y0) // cell)
    if 0 <= row < 7 and 0 <= col < 11 and col != 5:
        glyph = GLYPHS["H"] if col < 5 else GLYPHS["5"]
        if glyph[row][col % 6 if col > 5 else col] == "1":
            return WHITE + (255,)
    if 0.5 - 5.5 * cell <= u <= 0.5 + 5.5 * cell and 0.69 <= v <= 0.77:
        return ORANGE + (255,)
    return BLUE + (255,)


def render(size, ss=8):
    rows = []
    for y in range(size):
        row = bytearray([0])  # filter: none
        for x in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(ss):
                for sx in range(ss):
                    r, g, b, a = pixel((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            alpha = acc[3]
            if alpha:
                row += bytes(round(c / alpha) for c in acc[:3]) + bytes([round(alpha / ss / ss)])
            else:
                row += bytes(4)
        rows.append(bytes(row))
    return b"".join(rows)


def png(size):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(render(size), 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    for size in (32, 64):
        path = os.path.join(here, f"logo-{size}x{size}.png")
        with open(path, "wb") as f:
            f.write(png(size))
        print(path)
