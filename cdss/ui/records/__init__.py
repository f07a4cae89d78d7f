"""The Records room: patient cards, case timelines, quick capture."""
