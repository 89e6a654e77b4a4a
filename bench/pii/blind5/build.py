#!/usr/bin/env python3
"""Build blind5.jsonl from blind5_src.txt (60 documents, half with personal
information, 150-700 characters each); see ../marked_corpus.py for the format."""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from marked_corpus import build  # noqa: E402

if __name__ == "__main__":
    sys.exit(build(HERE / "blind5_src.txt", HERE / "blind5.jsonl", documents=60, max_length=700))
