"""Alert statistics per rule, so that noisy rules (fired often, nearly always overridden) can be reviewed."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select

from cdss.cds import events
from cdss.cds.models import AlertEventRow
from cdss.workspace import Workspace


@dataclass(frozen=True)
class RuleStats:
    rule_id: str
    kind: str
    top_severity: str
    example: str
    fired: int  # every time the alert was shown or raised
    overridden: int
    accepted: int
    shown_inline: int
    remembered: int  # an earlier override kept it from interrupting again
    raised: int  # raised on a case by a re-check after a new lab value

    @property
    def override_rate(self) -> float | None:
        """Share of interruptions overridden (None before any decision)."""
        decided = self.overridden + self.accepted
        return self.overridden / decided if decided else None


def rule_statistics(workspace: Workspace) -> list[RuleStats]:
    """One row per rule that ever fired, most fired first."""
    def count(outcome: str):
        return func.sum(case((AlertEventRow.outcome == outcome, 1), else_=0))

    query = (select(AlertEventRow.rule_id, func.min(AlertEventRow.alert_kind), func.count(),
                    count(events.OVERRIDDEN), count(events.ACCEPTED), count(events.SHOWN),
                    count(events.REMEMBERED), count(events.RAISED), func.max(AlertEventRow.title))
             .group_by(AlertEventRow.rule_id))
    from cdss.drugs.ratings import severity_rank

    with workspace.unit_of_work() as session:
        severities: dict[str, str] = {}
        for rule_id, severity in session.execute(
                select(AlertEventRow.rule_id, AlertEventRow.severity).distinct()):
            if rule_id not in severities or severity_rank(severity) > severity_rank(severities[rule_id]):
                severities[rule_id] = severity
        rows = [RuleStats(rule_id, kind, severities.get(rule_id, ""), example or "", fired, overridden or 0,
                          accepted or 0, shown or 0, remembered or 0, raised or 0)
                for rule_id, kind, fired, overridden, accepted, shown, remembered, raised, example
                in session.execute(query)]
    return sorted(rows, key=lambda r: (-r.fired, r.rule_id))
