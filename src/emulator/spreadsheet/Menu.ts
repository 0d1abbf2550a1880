import type { Runtime } from '../runtime/Runtime';

/** One entry of a custom menu as registered (host-side view). */
export type MenuEntry = { caption: string; functionName: string } | 'separator';

export interface RegisteredMenu {
  menu: string;
  items: MenuEntry[];
}

/** Where addToUi puts menus (the SpreadsheetModule keeps the latest per menu name). */
export interface MenuRegistry {
  register(menu: RegisteredMenu): void;
}

/** Script-visible Menu (Ui.createMenu). */
export class Menu {
  private readonly items: MenuEntry[] = [];

  constructor(
    private readonly rt: Runtime,
    private readonly registry: MenuRegistry,
    private readonly caption: string,
  ) {}

  addItem(caption: string, functionName: string): this {
    this.rt.call('Menu.addItem');
    this.items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): this {
    this.rt.call('Menu.addSeparator');
    this.items.push('separator');
    return this;
  }

  /** The host view flattens a submenu: its items follow in place (captions unchanged). */
  addSubMenu(menu: Menu): this {
    this.rt.call('Menu.addSubMenu');
    this.items.push(...menu.snapshot());
    return this;
  }

  addToUi(): void {
    this.rt.call('Menu.addToUi');
    const items = this.snapshot();
    this.registry.register({ menu: this.caption, items });
    this.rt.show('menu', this.caption, describe(items));
  }

  private snapshot(): MenuEntry[] {
    return this.items.map((item) => (item === 'separator' ? item : { ...item }));
  }
}

function describe(items: MenuEntry[]): string {
  return items.map((item) => (item === 'separator' ? '---' : item.caption)).join(' | ');
}
