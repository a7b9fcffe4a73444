"""What every app shares and that depends on none of them; core imports no app."""
