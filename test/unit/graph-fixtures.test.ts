import { describe, expect, it } from 'vitest';
import { fixtureGraph, nonEmpty } from './graphSupport';

describe('import graph of fixture trees', () => {
  it('links a pnpm monorepo through workspace packages, exports, tsconfig paths and extends', async () => {
    const graph = await fixtureGraph('graph-ts-monorepo');
    expect(nonEmpty(graph.imports)).toEqual({
      'packages/app/src/Button.vue': ['packages/app/src/config.ts', 'packages/utils/src/index.ts'],
      'packages/app/src/lazy.ts': ['packages/app/src/main.tsx'],
      'packages/app/src/main.tsx': [
        'packages/app/src/config.ts', 'packages/app/src/lazy.ts', 'packages/utils/src/index.ts', 'packages/utils/src/strings.ts',
      ],
      'packages/utils/src/index.ts': ['packages/utils/src/math/index.ts', 'packages/utils/src/strings.ts'],
      'packages/utils/src/strings.ts': ['packages/utils/src/shared/log.ts'],
    });
    expect(nonEmpty(graph.external)).toEqual({
      'packages/app/src/config.ts': ['node:fs'],
      'packages/app/src/main.tsx': ['react'],
    });
    expect(graph.warnings).toEqual([]);
  });

  it('resolves a src-layout Python package with absolute and relative imports', async () => {
    const graph = await fixtureGraph('graph-python');
    expect(nonEmpty(graph.imports)).toEqual({
      'src/shop/__init__.py': ['src/shop/cart.py'],
      'src/shop/cart.py': ['src/shop/pricing.py'],
      'src/shop/util/fmt.py': ['src/shop/cart.py', 'src/shop/pricing.py'],
      'src/shop/util/money.py': ['src/shop/util/fmt.py'],
      'tests/test_cart.py': ['src/shop/cart.py', 'src/shop/pricing.py'],
    });
    expect(nonEmpty(graph.external)).toEqual({
      'src/shop/cart.py': ['json'],
      'src/shop/pricing.py': ['decimal'],
      'tests/test_cart.py': ['pytest'],
    });
  });

  it('maps Go imports to the package files of the module, leaving _test.go files as importers only', async () => {
    const graph = await fixtureGraph('graph-go');
    expect(nonEmpty(graph.imports)).toEqual({
      'internal/store/store.go': ['internal/store/model/item.go'],
      'internal/store/store_test.go': ['pkg/api/api.go'],
      'main.go': ['internal/store/cache.go', 'internal/store/store.go', 'pkg/api/api.go'],
      'pkg/api/api.go': ['internal/store/model/item.go'],
    });
    expect(nonEmpty(graph.external)).toEqual({
      'internal/store/store_test.go': ['testing'],
      'main.go': ['fmt'],
      'pkg/api/api.go': ['net/http'],
    });
  });

  it('follows Rust mod declarations, #[path], crate/super paths and workspace crates', async () => {
    const graph = await fixtureGraph('graph-rust');
    expect(nonEmpty(graph.imports)).toEqual({
      'crates/cli/src/main.rs': ['crates/cli/src/args.rs', 'crates/core/src/model.rs'],
      'crates/core/src/lib.rs': ['crates/core/src/gen/generated.rs', 'crates/core/src/model.rs', 'crates/core/src/util.rs'],
      'crates/core/src/model.rs': ['crates/core/src/model/price.rs', 'crates/core/src/util.rs'],
      'crates/core/src/model/price.rs': ['crates/core/src/util.rs'],
    });
    expect(nonEmpty(graph.external)).toEqual({
      'crates/cli/src/args.rs': ['std'],
      'crates/cli/src/main.rs': ['serde', 'std'],
    });
  });

  it('maps Java and Kotlin imports through declared packages, wildcards to the package files', async () => {
    const graph = await fixtureGraph('graph-java');
    const base = 'src/main/java/com/acme/app';
    expect(nonEmpty(graph.imports)).toEqual({
      [`${base}/App.java`]: [`${base}/model/Order.java`, `${base}/service/Billing.java`, `${base}/service/OrderService.java`],
      [`${base}/service/OrderService.java`]: [`${base}/model/Money.java`, `${base}/model/Order.java`],
      'src/main/kotlin/com/acme/app/Report.kt': [`${base}/model/Order.java`],
      'src/test/java/com/acme/app/service/OrderServiceTest.java': [`${base}/model/Order.java`],
    });
    expect(nonEmpty(graph.external)).toEqual({
      [`${base}/App.java`]: ['java.util.List'],
      'src/main/kotlin/com/acme/app/Report.kt': ['kotlin.math.max'],
      'src/test/java/com/acme/app/service/OrderServiceTest.java': ['org.junit.jupiter.api.Test'],
    });
  });

  it('resolves C includes beside the file, in include/ and in CMake include folders', async () => {
    const graph = await fixtureGraph('graph-c');
    expect(nonEmpty(graph.imports)).toEqual({
      'include/calc/calc.h': ['include/calc/ops.h'],
      'src/calc.c': ['include/calc/calc.h', 'src/internal.h'],
      'src/main.c': ['include/calc/calc.h', 'third_party/mini/mini.h'],
    });
    expect(nonEmpty(graph.external)).toEqual({
      'include/calc/ops.h': ['stddef.h'],
      'src/calc.c': ['stdio.h'],
    });
  });

  it('links a mixed repo: CommonJS, script-style Python, Ruby, PHP PSR-4 and C# namespaces', async () => {
    const graph = await fixtureGraph('graph-mixed');
    expect(nonEmpty(graph.imports)).toEqual({
      'dotnet/App/Program.cs': ['dotnet/Core/Models.cs'],
      'php/src/Http/Controller.php': ['php/src/Http/helpers.php', 'php/src/Models/User.php'],
      'ruby/bin/greet.rb': ['ruby/lib/greeter.rb'],
      'ruby/lib/greeter.rb': ['ruby/lib/greeter/format.rb'],
      'scripts/build.py': ['scripts/helpers.py'],
      'web/api.js': ['web/util.cjs'],
      'web/index.ts': ['web/api.js'],
    });
    expect(nonEmpty(graph.external)).toEqual({
      'dotnet/App/Program.cs': ['System'],
      'php/src/Http/Controller.php': ['Psr\\Log\\LoggerInterface'],
      'ruby/lib/greeter.rb': ['json'],
      'scripts/build.py': ['os'],
    });
  });
});
