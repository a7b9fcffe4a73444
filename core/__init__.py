"""What every app shares and that depends on none of them: the visibility rule of public reads."""
