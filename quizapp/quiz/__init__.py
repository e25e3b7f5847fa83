"""Taking quizzes: practice quizzes, the daily review's questions, assignments."""
