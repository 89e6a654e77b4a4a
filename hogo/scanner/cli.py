"""`hogo scan`: scan files or JSON lines for personal information.

    hogo scan FILE_OR_DIR… [--mask OUTDIR] [--format text|json] [--allow FILE]
    hogo scan --jsonl < in.jsonl > out.jsonl

Exit status: 0 nothing found, 1 something found, 2 an error.
"""

import argparse
import json
import sys
from pathlib import Path

from .documents import SUPPORTED, MaskOptions, scan_file

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


def build_parser():
    parser = argparse.ArgumentParser(prog="hogo scan", description="公開前の文書から個人情報・要配慮個人情報を検出します。")
    parser.add_argument("paths", nargs="*", metavar="FILE_OR_DIR", help="検査するファイルまたはフォルダ")
    parser.add_argument("--mask", metavar="OUTDIR", help="マスクしたファイルを書き出すフォルダ")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="報告の形式")
    parser.add_argument("--jsonl", action="store_true", help='標準入力の {"id","text"} 行を検査し、結果を JSON Lines で出力')
    parser.add_argument("--allow", metavar="FILE", help="公開してよい自庁の電話番号・住所（1行1件）")
    parser.add_argument("--mask-char", default="■", help="マスクに使う文字（既定 ■）")
    parser.add_argument("--name-mask", default="○○", help="氏名の置換文字列（空にすると --mask-char で塗る）")
    parser.add_argument("--no-progress", action="store_true", help="進捗表示を出さない")
    return parser


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["scan"]:
        argv = argv[1:]
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_ERROR if exc.code else EXIT_CLEAN
    try:
        allow_list = _read_allow_list(args.allow)
    except OSError as exc:
        print(f"許可リストを読み込めません: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if args.jsonl:
        return run_jsonl(sys.stdin, sys.stdout, allow_list)
    if not args.paths:
        parser.print_usage(sys.stderr)
        print("ファイルまたはフォルダを指定してください。", file=sys.stderr)
        return EXIT_ERROR
    return run_files(args, allow_list)


def _read_allow_list(path):
    if not path:
        return ()
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def run_jsonl(stdin, stdout, allow_list=()) -> int:
    from .analyzer import analyze

    status = EXIT_CLEAN
    for n, line in enumerate(stdin, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
            text = doc["text"]
        except (ValueError, KeyError, TypeError):
            print(f"{n}行目: JSON として読めないか text がありません。", file=sys.stderr)
            status = EXIT_ERROR
            continue
        spans = []
        for f in analyze(text, allow_list=allow_list):
            span = {"start": f.start, "end": f.end, "label": f.label}
            if f.official:
                span["official"] = True
            spans.append(span)
        if status == EXIT_CLEAN and any(not s.get("official") for s in spans):
            status = EXIT_FOUND
        stdout.write(json.dumps({"id": doc.get("id"), "spans": spans}, ensure_ascii=False) + "\n")
    return status


NOT_REGULAR = "通常のファイルではないため検査しません（名前付きパイプ・デバイスなど）。"


def collect_files(paths):
    """Regular files to scan, and Japanese errors for paths that do not exist or are not regular files.

    Only regular files are opened: reading a named pipe or a device would wait
    (or read) for ever.
    """
    files, errors = [], []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if found.suffix.lower() not in SUPPORTED or found.is_dir():
                    continue
                if found.is_file():
                    files.append(found)
                else:
                    errors.append(f"{found}: {NOT_REGULAR}")
        elif path.is_file():
            files.append(path)
        elif path.exists():
            errors.append(f"{raw}: {NOT_REGULAR}")
        else:
            errors.append(f"{raw}: ファイルが見つかりません。")
    return files, errors


def run_files(args, allow_list) -> int:
    files, errors = collect_files(args.paths)
    options = MaskOptions(char=args.mask_char, person_text=args.name_mask)
    reports = []
    iterator = files
    if len(files) > 1 and not args.no_progress:
        from tqdm import tqdm

        iterator = tqdm(files, desc="検査中", unit="件", file=sys.stderr)
    for path in iterator:
        reports.append(scan_file(path, allow_list=allow_list, mask_dir=args.mask, mask_options=options))
    for message in errors:
        print(message, file=sys.stderr)
    if args.format == "json":
        print(json.dumps({"documents": [r.to_dict() for r in reports], "errors": errors}, ensure_ascii=False, indent=2))
    else:
        for r in reports:
            print(format_report(r))
    if errors or any(r.error for r in reports):
        return EXIT_ERROR
    return EXIT_FOUND if any(r.found for r in reports) else EXIT_CLEAN


def format_report(report) -> str:
    lines = [f"== {report.path}", f"判定: {report.verdict}"]
    lines += [f"  理由: {reason}" for reason in report.reasons]
    if report.error:
        lines.append(f"  エラー: {report.error}")
    for h in report.hits:
        flag = "（公職者）" if h.official else ""
        lines.append(f"  [{h.label}{flag}] {h.location}: {h.context}  … {h.reason}")
    if report.masked_path:
        lines.append(f"  マスク済み: {report.masked_path}")
    return "\n".join(lines)
