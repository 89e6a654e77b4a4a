#!/usr/bin/env python3
"""Build blind21.jsonl from blind21_src.txt (70 documents, half with personal
information, 150-1200 characters each); see ../marked_corpus.py for the format."""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from marked_corpus import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE / "blind21_src.txt", HERE / "blind21.jsonl", documents=70, max_length=1200))
