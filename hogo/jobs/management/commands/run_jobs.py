import signal

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from hogo.jobs import runner


class Command(BaseCommand):
    help = "スキャン・取込みなどのバックグラウンド処理を実行します（--once で待機中の処理を終えたら終了）。"

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="待機中の処理をすべて実行したら終了する（cron・テスト用）")
        parser.add_argument("--poll", type=float, default=2.0, help="待機中の処理を確認する間隔（秒）")

    def handle(self, *args, once=False, poll=2.0, **options):
        stopping = []
        if not once:
            # systemd stops the worker with SIGTERM: finish the current job's bookkeeping, then exit.
            signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))

        def stop():
            if not once:
                close_old_connections()  # a long-running worker must not keep a dead connection
            return bool(stopping)

        ran = runner.run_queued(once=once, poll_seconds=poll, stop=stop)
        if once:
            self.stdout.write(f"{ran}件の処理を実行しました。")
