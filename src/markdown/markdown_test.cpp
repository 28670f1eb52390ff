#include "markdown/markdown.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <iostream>

namespace roundtable::markdown {
namespace {

TEST(Markdown, Explore) {
  const char* cases[] = {
      "# Title\n\nHello *world* and **bold** ~~gone~~ `code`.\n\n## Sub\n\n###### Six\n",
      "- a\n- b\n  - c\n\n1. x\n2. y\n",
      "3. x\n\n4. y\n",
      "> quote\n> more\n\n---\n\n```cpp\nint <x>;\n```\n",
      "<script>alert(1)</script>\n\ntext <b onclick=x>bold</b>",
      "[x](javascript:alert(1)) [x](JAVASCRIPT:alert(1)) [x]( javascript:alert(1)) [x](&#x6A;avascript:alert(1))",
      "[ok](https://example.org \"t\\\"onmouseover=alert(1)\") [local](/o/x) [mail](mailto:a@b.c) [rel](x) "
      "[proto](//evil.com)",
      "www.example.org and https://x.org/a?b=1&c=2 and a@b.org",
      "![alt *text*](https://img/x.png) ![](data:x)",
      "line one  \nline two\nline three",
      "[](https://x.org)",
      "<https://auto.org> <javascript:alert(1)>",
  };
  for (const char* c : cases) {
    view::Html h;
    render(h, c);
    std::cout << "----\n" << c << "\n==>\n" << h.str() << "\n~~ plain:\n" << to_plain_text(c) << "\n";
  }
}

}  // namespace
}  // namespace roundtable::markdown
