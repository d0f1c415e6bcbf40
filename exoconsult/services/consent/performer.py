"""The performing urologist (content release 1.1, item 4): chosen per consultation from the clinic's
active urologists, named on the consent ("the procedure is done by …"), stored with it and carried into
the procedure plan. The default is the urologist running the consultation — the one signing, else the
one who gave the explanation — and never whoever happens to be signed in (a nurse printing a form)."""

from __future__ import annotations

from exoconsult.domain.errors import ValidationError
from exoconsult.domain.people import Role
from exoconsult.services.core.work import Work
from exoconsult.services.explanation.explanation import current_explanation
from exoconsult.storage.accounts import UserRepository

NOT_A_UROLOGIST = "Choose the performing urologist from the clinic's active urologist accounts."


def clinic_urologists(work: Work) -> tuple[tuple[int, str], ...]:
    """(user id, display name) of every active urologist account."""
    return tuple((u.id, u.display_name) for u in UserRepository(work.session).list(include_inactive=False)
                 if u.role == Role.UROLOGIST.value)


def default_performer(work: Work, patient_id: int, language: str,
                      urologists: tuple[tuple[int, str], ...]) -> int | None:
    ids = [uid for uid, _ in urologists]
    if work.actor.user_id in ids:
        return work.actor.user_id
    explanation = current_explanation(work, patient_id, language)
    if explanation is not None and explanation.started_by in ids:
        return explanation.started_by
    return ids[0] if ids else None


def chosen_performer(urologists: tuple[tuple[int, str], ...], chosen: int | None) -> tuple[int, str]:
    """(id, name) of the chosen urologist; refused unless an active urologist account."""
    names = dict(urologists)
    if not isinstance(chosen, int) or isinstance(chosen, bool) or chosen not in names:
        raise ValidationError({"performing_urologist": NOT_A_UROLOGIST})
    return chosen, names[chosen]


def performer_id_of(consent) -> int:
    """Who a signed consent names as performing the procedure: recorded since content release 1.1; a
    consent from before names its signing urologist."""
    return consent.performing_urologist_id or consent.signed_by
