"""Daily paragraph posts: what is due when (pure), and the delivery loop."""
