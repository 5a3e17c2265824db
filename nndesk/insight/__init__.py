"""What the model's answer means: calibrated probabilities, "not a digit" and "not sure"."""
