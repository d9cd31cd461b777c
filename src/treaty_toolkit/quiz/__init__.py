"""The one quiz engine (placeholder until the quiz-engine issue lands)."""
