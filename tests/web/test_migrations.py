"""Models and migrations agree (`flask db check` finds nothing to generate)."""


def test_models_match_migrations(runner, db):
    result = runner.invoke(args=["db", "check"])
    assert result.exit_code == 0, result.output
