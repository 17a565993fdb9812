"""Every table of orgeval. Importing this package registers them all on ``metadata``."""

from .accounts import Account, AccountUnit
from .base import metadata
from .calendar import CalendarDay
from .cases import Benchmark, Case
from .duties import Duty, WorkLogEntry
from .evaluation import CurrentEvaluation, Evaluation, EvaluationPeriod, EvaluationUnit
from .fieldwork import (
    ActivityFile,
    Finding,
    FindingIndicator,
    InterviewOutline,
    OnsiteActivity,
    SelfReport,
)
from .ledger import Problem, ProblemEvent
from .records import AuditEvent, ImportRecord
from .rubric import Indicator, Score, ScoreLock
from .staff import Staff
from .surveys import Survey, SurveyAnswer, SurveyItem, SurveyResponse
from .units import Section, Unit

__all__ = [
    "Account",
    "AccountUnit",
    "ActivityFile",
    "AuditEvent",
    "Benchmark",
    "CalendarDay",
    "Case",
    "CurrentEvaluation",
    "Duty",
    "Evaluation",
    "EvaluationPeriod",
    "EvaluationUnit",
    "Finding",
    "FindingIndicator",
    "ImportRecord",
    "Indicator",
    "InterviewOutline",
    "OnsiteActivity",
    "Problem",
    "ProblemEvent",
    "Score",
    "ScoreLock",
    "SelfReport",
    "Section",
    "Staff",
    "Survey",
    "SurveyAnswer",
    "SurveyItem",
    "SurveyResponse",
    "Unit",
    "WorkLogEntry",
    "metadata",
]
