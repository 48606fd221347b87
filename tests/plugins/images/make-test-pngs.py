#!/usr/bin/env python3
"""Writes the two generated test pictures next to this script (they are committed; run it only to
remake them): huge.png and too-wide.png. Standard library only."""
import os
import struct
import zlib


def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)


def png(width, height, depth, rows):
    header = struct.pack('>IIBBBBB', width, height, depth, 0, 0, 0, 0)  # greyscale, no interlace
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(rows, 9)) + chunk(b'IEND', b'')


here = os.path.dirname(os.path.abspath(__file__))
# Claims 20000x20000 (400 megapixels) but carries one row of pixels: the header check must refuse
# it before anything tries to decode it into 1.6 GB.
with open(os.path.join(here, 'huge.png'), 'wb') as f:
    f.write(png(20000, 20000, 1, b'\0' * 2501))
# Valid, 32769x1: within the pixel limit, wider than any GPU's largest texture, so it passes every
# check and the viewer still draws its placeholder for it.
with open(os.path.join(here, 'too-wide.png'), 'wb') as f:
    f.write(png(32769, 1, 8, b'\0' + bytes((x * 7) % 256 for x in range(32769))))
