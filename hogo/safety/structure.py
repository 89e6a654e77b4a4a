"""The management structure as the rest of Hogo asks it: who holds post P for division D on day X."""

from django.utils import timezone

from hogo.safety import rules
from hogo.safety.choices import Post
from hogo.safety.models import PostAssignment


def _assignments(post):
    return [rules.Assignment(post=item.post, holder=item, starts_on=item.starts_on, ends_on=item.ends_on,
                             division_id=item.division_id, agency_id=item.agency_id)
            for item in PostAssignment.objects.filter(post=post).select_related("user", "division", "agency")]


def holder(post, division=None, day=None):
    """The PostAssignment of whoever holds ``post`` for ``division`` on ``day`` (today), or None."""
    day = day or timezone.localdate()
    agency_id = division.department.agency_id if division is not None else None
    return rules.holder_on(_assignments(post), post, day, division_id=division.pk if division else None,
                           agency_id=agency_id)


def chain(division, day=None):
    """The division's chain of posts on ``day``: [(post label, PostAssignment or None)], top first."""
    posts = [Post.GENERAL_MANAGER, Post.MANAGER, Post.RESPONSIBLE, Post.AUDIT_OFFICER]
    rows = [(post.label, holder(post, division, day)) for post in posts]
    day = day or timezone.localdate()
    officers = [item for item in PostAssignment.objects.filter(post=Post.OFFICER, division=division)
                if rules.Assignment(item.post, item, item.starts_on, item.ends_on).active_on(day)]
    rows.extend((Post.OFFICER.label, item) for item in officers or [None])
    return rows


def is_audit_officer(user, day=None):
    """The user holds the 監査責任者 post today (sees every division's checks, audits and findings)."""
    if not user.is_authenticated:
        return False
    day = day or timezone.localdate()
    return PostAssignment.objects.filter(post=Post.AUDIT_OFFICER, user=user, starts_on__lte=day).exclude(
        ends_on__lt=day).exists()
