"""Ch. 5: the computational graph of buying apples and oranges, forward and backward, with the
book's multiplication and addition layers (figs. 5-16, 5-17)."""

from __future__ import annotations

__all__ = ["MulLayer", "AddLayer", "INPUTS", "buy_apples_oranges"]

INPUTS = {"apple": 100.0, "apple_num": 2.0, "orange": 150.0, "orange_num": 3.0, "tax": 1.1}


class MulLayer:
    """out = x * y; backward swaps the inputs: dx = dout * y, dy = dout * x."""

    def __init__(self) -> None:
        self.x: float | None = None
        self.y: float | None = None

    def forward(self, x: float, y: float) -> float:
        self.x, self.y = x, y
        return x * y

    def backward(self, dout: float) -> tuple[float, float]:
        return dout * self.y, dout * self.x


class AddLayer:
    """out = x + y; backward passes the gradient on unchanged to both inputs."""

    def forward(self, x: float, y: float) -> float:
        return x + y

    def backward(self, dout: float) -> tuple[float, float]:
        return dout, dout


def buy_apples_oranges(apple: float = 100.0, apple_num: float = 2.0, orange: float = 150.0,
                       orange_num: float = 3.0, tax: float = 1.1
                       ) -> tuple[dict[str, float], dict[str, float]]:
    """Fig. 5-17: price = (apple * apple_num + orange * orange_num) * tax.

    Returns (values, grads): every node's forward value and d price / d node, keyed "apple",
    "apple_num", "orange", "orange_num", "tax", "apple_price", "orange_price", "all_price",
    "price". With the book's inputs: price 715, d/d apple 2.2, d/d tax 650.
    """
    mul_apple, mul_orange, add, mul_tax = MulLayer(), MulLayer(), AddLayer(), MulLayer()
    apple_price = mul_apple.forward(apple, apple_num)
    orange_price = mul_orange.forward(orange, orange_num)
    all_price = add.forward(apple_price, orange_price)
    price = mul_tax.forward(all_price, tax)
    dprice = 1.0
    dall_price, dtax = mul_tax.backward(dprice)
    dapple_price, dorange_price = add.backward(dall_price)
    dorange, dorange_num = mul_orange.backward(dorange_price)
    dapple, dapple_num = mul_apple.backward(dapple_price)
    values = {"apple": apple, "apple_num": apple_num, "orange": orange,
              "orange_num": orange_num, "tax": tax, "apple_price": apple_price,
              "orange_price": orange_price, "all_price": all_price, "price": price}
    grads = {"apple": dapple, "apple_num": dapple_num, "orange": dorange,
             "orange_num": dorange_num, "tax": dtax, "apple_price": dapple_price,
             "orange_price": dorange_price, "all_price": dall_price, "price": dprice}
    return values, grads
