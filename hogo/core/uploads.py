"""Names for uploaded files: stored under a generated name, shown under the original one.

A user's file name can be 255 bytes of Japanese, which is more than a file
system allows once a folder or a suffix is added, and more than
``FileField``'s 100 characters. So the disk only ever sees a random name with
a short, safe extension, and the original name lives in a CharField for
display and download.
"""

import re
import uuid
from pathlib import PurePath

from django.conf import settings
from django.utils import timezone
from django.utils.deconstruct import deconstructible

# An extension the scanner recognises is at most five characters (.docx, .xlsx).
_SAFE_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,8}")


def safe_extension(filename):
    """The original extension in lower case when it is short and plain ASCII, else ''."""
    suffix = PurePath(filename.replace("\\", "/")).suffix
    return suffix.lower() if _SAFE_EXTENSION.fullmatch(suffix) else ""


def storage_name(filename):
    """A generated name that keeps only the extension of ``filename``: 3f2a….docx."""
    return uuid.uuid4().hex + safe_extension(filename)


def display_name(filename, max_length):
    """The base name of ``filename`` cut to ``max_length`` characters, keeping its extension."""
    name = PurePath(filename.replace("\\", "/")).name.replace("\x00", "") or "document"
    if len(name) <= max_length:
        return name
    extension = safe_extension(name)
    return name[:max_length - len(extension)] + extension


@deconstructible
class GeneratedName:
    """An ``upload_to`` that files uploads as ``<folder>/<yyyy>/<mm>/<uuid>.<ext>``."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        return f"{self.folder}/{timezone.localdate():%Y/%m}/{storage_name(filename)}"

    def __eq__(self, other):
        return isinstance(other, GeneratedName) and other.folder == self.folder


def upload_problem(upload, suffixes):
    """A Japanese message when ``upload`` has a refused type, is over HOGO_MAX_UPLOAD_BYTES or is empty, else None."""
    if PurePath(upload.name).suffix.lower() not in suffixes:
        return f"{upload.name}: 対応していない形式です（{'・'.join(suffixes)} のみ）。"
    if upload.size > settings.HOGO_MAX_UPLOAD_BYTES:
        return f"{upload.name}: ファイルが大きすぎます（上限 {settings.HOGO_MAX_UPLOAD_BYTES // (1024 * 1024)}MB）。"
    if upload.size == 0:
        return f"{upload.name}: 空のファイルです。"
    return None
