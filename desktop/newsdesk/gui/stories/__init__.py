"""Stories beyond the queue: scheduled, published, spiked — and what an editor does with them."""
