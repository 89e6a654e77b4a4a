"""Demo registers and reviews, imported through the importer from the files in ``data/``.

Setagaya: every row that 報告第359号 lists (its three lists, with the seed's
headings), the reviews it counts but does not list (no 要配慮 information),
and the reviews of 報告第362号. Yachiyo: registers with their registration and
abolition dates, and the FY2024 Art.69 records, so that seed 004's tables at
both fiscal year ends come out of the records. ``/tmp/prep``-style generation
is not needed at run time: the files are shipped.
"""

from pathlib import Path

from hogo.core.models import User
from hogo.registers.importing import SPECS, import_table
from hogo.registers.models import PersonalInfoFile, ProcessingActivity, Review, UseProvisionRecord

DATA = Path(__file__).parent / "data"

# (register, file, defaults for columns the file lacks)
SETAGAYA = [
    ("reviews", "setagaya_359_outsourcing.csv", {"criterion": "outsourcing"}),
    ("reviews", "setagaya_359_provision.csv", {"criterion": "provision"}),
    ("reviews", "setagaya_359_online_system.csv", {}),
    ("reviews", "setagaya_359_other_reviews.csv", {}),
    ("reviews", "setagaya_362_reviews.csv", {}),
    ("files", "setagaya_files.csv", {}),
]
YACHIYO = [
    ("activities", "yachiyo_activities.csv", {}),
    ("files", "yachiyo_files.csv", {}),
    ("uses", "yachiyo_uses_r6.csv", {}),
]
MODELS = {"reviews": Review, "files": PersonalInfoFile, "activities": ProcessingActivity, "uses": UseProvisionRecord}


def load_file(register, filename, defaults, user=None):
    """Import one shipped file; a broken demo file is a bug, so it raises."""
    path = DATA / filename
    result = import_table(SPECS[register], path.name, path.read_bytes(), apply=True, user=user, defaults=defaults)
    if not result.ok:
        raise RuntimeError(f"demo file {filename} is broken: {result.errors[:5]}")
    return result.created


def load(profile, stdout):
    plan = SETAGAYA if profile.key == "setagaya" else YACHIYO
    user = User.objects.filter(username="privacy").first()
    loaded = []
    for register in dict.fromkeys(register for register, _, _ in plan):
        # Get-or-create at the level of a register: a register that has rows is left alone.
        if MODELS[register].objects.exists():
            continue
        count = sum(load_file(name, filename, defaults, user) for name, filename, defaults in plan if name == register)
        loaded.append(f"{SPECS[register].label} {count}件")
    stdout.write("登録簿・審査：" + ("、".join(loaded) if loaded else "登録済みのため省略"))
