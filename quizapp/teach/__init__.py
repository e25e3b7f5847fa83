"""Teaching: classes, quiz sets, assignments, the gradebook, item analysis and authoring."""
