"""``hogo post-holder``: who holds a post of the management structure for a division on a day.

    hogo post-holder audit_officer [--on 2025-02-26] [--json]
    hogo post-holder manager --division 北沢総合支所保健福祉センター健康づくり課 [--on DATE] [--json]

Posts: general_manager (総括保護管理者), manager (保護管理者), responsible (保護責任者),
officer (保護担当者), audit_officer (監査責任者), document_supervisor (文書監督者).
Prints the holder, or 「指定なし」 with exit status 1; bad input exits 2 with a Japanese message.
"""

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from hogo.core.models import Division
from hogo.safety import structure
from hogo.safety.choices import Post


class Command(BaseCommand):
    help = "管理体制：指定した日にその課の職（保護管理者・監査責任者など）に就いている者を表示します。"

    def add_arguments(self, parser):
        parser.add_argument("post", help="職：" + "、".join(f"{value}（{label}）" for value, label in Post.choices))
        parser.add_argument("--division", default="", help="課の正式名称")
        parser.add_argument("--on", default="", help="基準日 YYYY-MM-DD（省略時は今日）")
        parser.add_argument("--json", action="store_true", help="JSON で出力します")

    def handle(self, *args, post, division, on, **options):
        if post not in Post.values:
            raise CommandError(f"職「{post}」はありません。次のいずれかを指定してください：{'、'.join(Post.values)}",
                               returncode=2)
        try:
            day = date.fromisoformat(on) if on else timezone.localdate()
        except ValueError:
            raise CommandError(f"--on の日付「{on}」を読めません。YYYY-MM-DD の形で指定してください。", returncode=2)
        chosen = None
        if division:
            chosen = Division.objects.select_related("department").filter(full_name=division).first()
            if chosen is None:
                raise CommandError(f"課「{division}」は登録されていません（正式名称で指定してください）。", returncode=2)
        holder = structure.holder(post, chosen, day)
        if options["json"]:
            self.stdout.write(json.dumps({
                "post": post, "post_label": Post(post).label, "division": division, "on": day.isoformat(),
                "holder": None if holder is None else {
                    "name": holder.holder_name, "username": holder.user.username if holder.user else None,
                    "scope": holder.scope_name, "starts_on": holder.starts_on.isoformat(),
                    "ends_on": holder.ends_on.isoformat() if holder.ends_on else None},
            }, ensure_ascii=False))
        elif holder is None:
            self.stdout.write(f"{Post(post).label}：指定なし")
        else:
            self.stdout.write(f"{Post(post).label}：{holder.holder_name}（{holder.scope_name}、"
                              f"{holder.starts_on:%Y-%m-%d}〜{holder.ends_on or ''}）")
        if holder is None:
            raise SystemExit(1)
