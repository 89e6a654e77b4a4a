"""Dashboard deadlines: a review must be decided before the operation starts."""

from hogo.core.access import scope_for_user
from hogo.core.deadlines import Deadline


def undecided_reviews(user, today):
    from hogo.registers.models import Review

    reviews = scope_for_user(Review.objects.filter(decision="", starts_on__isnull=False), user)
    return [
        Deadline(due=review.starts_on, title=str(review), kind="審査（開始日までに審査結果を記録）",
                 url=review.get_absolute_url(), division=review.division.full_name)
        for review in reviews.select_related("division")[:100]
    ]
