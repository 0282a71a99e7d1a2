"""What every calculator shares: input declarations, dated parameters, dates, explanations."""
