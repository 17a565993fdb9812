"""Pure functions from rows to the figures of DOMAIN.md: no database, no UI, no I/O.

- ``roster``: age, gender, education and rank structure; headcount against quota; flags.
- ``duties``: duty execution, core-business share, fill rate, workload (from aggregates
  the database computes, or from raw rows via ``summarise_log``).
- ``cases``: cases handled, on time, satisfaction, against the county average.
- ``surveys``: peer score and the staff questionnaire.
- ``ledger_facts``: a problem against a day: overdue, due, days open; counts per unit.
- ``display``: the one way a figure is written on screen or in a report.
"""
